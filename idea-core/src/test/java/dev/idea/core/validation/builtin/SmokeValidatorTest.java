package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeValidatorTest {
    private final SmokeValidator validator = new SmokeValidator();
    @TempDir
    Path scratch;

    @BeforeAll
    static void needsPosixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "smoke runs need /bin/sh");
    }

    private ValidatorOutcome run(Path dir, String script, long timeoutSeconds, Map<String, String> settings) {
        var pkg = TestPackage.in(dir).file("bin/start.sh", "#!/bin/sh\n" + script + "\n")
                .file("idea-package.json", "{\"smoke\": {\"command\": [\"bin/start.sh\", \"--self-test\"], \"timeoutSeconds\": "
                        + timeoutSeconds + "}}").view();
        java.util.Map<String, String> all = new java.util.TreeMap<>(settings);
        all.put("temp-dir", scratch.toString());
        return validator.validate(pkg, ValidatorSettings.of(all));
    }

    @Test
    void validate_commandExitsZero_passesAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        ValidatorOutcome outcome = run(dir, "test \"$1\" = --self-test && echo ok", 30, Map.of());
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("smoke.passed");
            assertThat(f.path()).isEqualTo("idea-package.json");
            assertThat(f.line()).as("the line of the smoke member").isEqualTo(1);
            assertThat(f.offset()).isEqualTo(10);
        });
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        assertThat(Files.isExecutable(dir.resolve("bin/start.sh"))).as("the sandbox is never modified").isFalse();
    }

    @Test
    void validate_commandFails_givesErrorWithOutputTail(@TempDir Path dir) {
        ValidatorOutcome outcome = run(dir, "echo starting; echo 'database missing' >&2; exit 3", 30, Map.of());
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("smoke.failed");
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.message()).endsWith("exited with 3; stdout tail:\nstarting\nstderr tail:\ndatabase missing\n");
        });
        assertThat(outcome.reasons()).containsExactly("smoke_failed");
    }

    @Test
    void validate_environment_holdsOnlyTheMinimalVariables(@TempDir Path dir) {
        ValidatorOutcome outcome = run(dir, "env | sort | cut -d= -f1 | tr '\\n' ' '; exit 1", 30, Map.of());
        String message = outcome.findings().get(0).message();
        String names = message.substring(message.indexOf("stdout tail:\n") + 13, message.indexOf("stderr tail:")).trim();
        assertThat(names.split(" ")).containsExactly("HOME", "LANG", "LC_ALL", "PATH", "PWD", "TMPDIR", "TZ");
    }

    @Test
    void validate_timeout_killsTheWholeProcessTreeAndReportsNoOutput(@TempDir Path dir, @TempDir Path pids) throws Exception {
        Path pidFile = pids.resolve("grandchild");
        ValidatorOutcome outcome = run(dir, "sleep 300 &\necho $! > '" + pidFile + "'\necho started\nsleep 300", 1, Map.of());
        Finding f = outcome.findings().get(0);
        assertThat(f.rule()).isEqualTo("smoke.timeout");
        assertThat(f.message()).as("how far a command got before its timeout is not reported").doesNotContain("started");
        var grandchild = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        if (grandchild.isPresent()) {
            grandchild.get().onExit().get(10, TimeUnit.SECONDS);
            assertThat(grandchild.get().isAlive()).isFalse();
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void validate_scratchDirectoryInOutput_isMasked(@TempDir Path dir) {
        ValidatorOutcome outcome = run(dir, "echo \"$HOME $TMPDIR\"; pwd; pwd -P >&2; exit 1", 30, Map.of());
        String message = outcome.findings().get(0).message();
        assertThat(message).contains("stdout tail:\n<scratch>/home <scratch>/tmp\n<scratch>/package\n",
                "stderr tail:\n<scratch>/package\n");
        assertThat(message).doesNotContain("idea-smoke-", scratch.toString());
    }

    @Test
    void validate_deterministicCommandTwice_givesIdenticalOutcomes(@TempDir Path dir) {
        String script = "i=0; while [ $i -lt 400 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done\n"
                + "ls -la . bin; echo \"$PWD $HOME\"; umask; exit 4";
        ValidatorOutcome first = run(dir, script, 30, Map.of("output-max-bytes", "2048"));
        ValidatorOutcome second = run(dir, script, 30, Map.of("output-max-bytes", "2048"));
        assertThat(first.findings().get(0).message()).contains("earlier bytes omitted", "Jan  1  1970", "0077", "err 399");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void validate_cpuLimit_stopsABusyLoop(@TempDir Path dir) {
        ValidatorOutcome outcome = run(dir, "while :; do :; done", 60, Map.of("cpu-seconds", "1"));
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("smoke.failed");
            assertThat(f.message()).containsPattern("exited with (152|137) \\((CPU time limit reached|killed)");
        });
    }

    @Test
    void validate_noDeclaration_isInfoUnlessRequired(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("README", "x").view();
        assertThat(validator.validate(pkg, ValidatorSettings.empty()).passed()).isTrue();
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("required", "true"))).passed()).isFalse();
    }

    @Test
    void validate_commandOutsideThePackage_isRefused(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("idea-package.json", "{\"smoke\": {\"command\": [\"../../bin/rm\", \"-rf\"]}}").view();
        assertThat(validator.validate(pkg, ValidatorSettings.empty()).findings()).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("smoke.descriptor-invalid"));
    }
}
