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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(outcome.findings()).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("smoke.passed"));
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
            assertThat(f.message()).contains("exited with 3", "starting\ndatabase missing");
        });
        assertThat(outcome.reasons()).containsExactly("smoke_failed");
    }

    @Test
    void validate_environment_holdsOnlyTheMinimalVariables(@TempDir Path dir) {
        ValidatorOutcome outcome = run(dir, "env | sort | cut -d= -f1 | tr '\\n' ' '; exit 1", 30, Map.of());
        String message = outcome.findings().get(0).message();
        String names = message.substring(message.indexOf("output tail:\n") + 13).trim();
        assertThat(names.split(" ")).containsOnly("HOME", "LANG", "PATH", "PWD", "TMPDIR");
    }

    @Test
    void validate_timeout_killsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        ValidatorOutcome outcome = run(dir, "sleep 300 &\necho grandchild=$!\nsleep 300", 1, Map.of());
        Finding f = outcome.findings().get(0);
        assertThat(f.rule()).isEqualTo("smoke.timeout");
        Matcher m = Pattern.compile("grandchild=(\\d+)").matcher(f.message());
        assertThat(m.find()).as(f.message()).isTrue();
        var grandchild = ProcessHandle.of(Long.parseLong(m.group(1)));
        if (grandchild.isPresent()) {
            grandchild.get().onExit().get(10, TimeUnit.SECONDS);
            assertThat(grandchild.get().isAlive()).isFalse();
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
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
