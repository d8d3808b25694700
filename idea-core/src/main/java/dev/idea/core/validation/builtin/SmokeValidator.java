package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.spi.validation.Finding.Severity;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code smoke} validator: runs the command a package declares in {@code idea-package.json}
 * ({@code {"smoke": {"command": ["bin/start.sh", "--self-test"], "timeoutSeconds": 30}}}) and fails
 * when it exits non-zero or outlives its timeout.
 *
 * <p>Security guarantees: the command runs in a copy of the package in a fresh private temporary
 * directory (removed afterwards), never in the sandbox; with an empty environment apart from
 * {@code PATH=/usr/local/bin:/usr/bin:/bin}, {@code HOME} and {@code TMPDIR} inside that directory and
 * {@code LANG=C}, so no secret of the host's environment is inherited; with stdin closed; under CPU-time
 * and address-space limits set by {@code /bin/sh -c 'ulimit -t N; ulimit -v M; exec "$@"'}
 * (POSIX sh, dash, bash, busybox; not available on Windows, where the validator reports
 * {@code smoke.unsupported}); with at most {@code output-max-bytes} of output kept (its tail); and
 * on timeout the process and every descendant seen while it ran are killed
 * ({@link ProcessTree}). It does not isolate the network or the file system beyond file
 * permissions: run validation under an OS sandbox (container, separate user) for hostile packages.
 *
 * <p>Not deterministic in general: the outcome depends on what the command does. Thread-safe.
 */
public final class SmokeValidator implements PackageValidator {
    static final String ID = "smoke";
    private static final Set<String> KEYS = Set.of("required", "max-timeout-seconds", "cpu-seconds", "memory-mb",
            "output-max-bytes", "temp-dir");
    private static final Path SHELL = Path.of("/bin/sh");

    /** Creates the validator; it has no state. */
    public SmokeValidator() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** What the package declared. */
    private record Declaration(List<String> command, long timeoutSeconds) {
    }

    /** The validated settings. */
    private record Limits(long maxTimeout, long cpuSeconds, long memoryMb, int outputMaxBytes, Path tempDir) {
    }

    @Override
    public ValidatorOutcome validate(PackageView pkg, ValidatorSettings raw) {
        Settings s = Settings.of(ID, raw, KEYS);
        boolean required = s.bool("required", false);
        long maxTimeout = s.longValue("max-timeout-seconds", 300, 1, 86_400);
        Limits limits = new Limits(maxTimeout, s.longValue("cpu-seconds", maxTimeout, 1, 86_400),
                s.longValue("memory-mb", 1024, 16, 1_048_576), (int) s.longValue("output-max-bytes", 16_384, 256, 16_777_216),
                Path.of(s.string("temp-dir", System.getProperty("java.io.tmpdir"))));
        FindingList out = new FindingList(ID, FindingList.DEFAULT_MAX_FINDINGS);
        Optional<Declaration> declaration = declaration(pkg, limits, out);
        if (declaration.isPresent()) {
            run(pkg, declaration.get(), limits, out);
        } else if (out.isEmpty()) {
            out.add(required ? Severity.ERROR : Severity.INFO, "smoke.not-declared", "the package declares no smoke command;"
                    + " add {\"smoke\": {\"command\": [...], \"timeoutSeconds\": N}} to " + PackageDescriptor.PATH, "", 0, -1);
        }
        return new ValidatorOutcome(out.sorted(), out.any("smoke.failed") || out.any("smoke.timeout") ? List.of("smoke_failed")
                : List.of());
    }

    private static Optional<Declaration> declaration(PackageView pkg, Limits limits, FindingList out) {
        PackageDescriptor.Result d = PackageDescriptor.read(pkg);
        if (d.problem().isPresent()) {
            out.add(Severity.ERROR, "smoke.descriptor-invalid", d.problem().get(), PackageDescriptor.PATH, 0, -1);
            return Optional.empty();
        }
        Optional<JsonValue> smoke = d.descriptor().flatMap(o -> o.get("smoke"));
        if (smoke.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!(smoke.get() instanceof JsonObject o) || !(o.get("command").orElse(null) instanceof JsonArray array)
                    || array.values().isEmpty()) {
                throw new IllegalArgumentException("smoke must be an object with a non-empty command array");
            }
            List<String> command = new ArrayList<>();
            for (JsonValue v : array.values()) {
                if (!(v instanceof JsonString str) || str.value().isEmpty() || str.value().indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("every command item must be a non-empty string without NUL");
                }
                command.add(str.value());
            }
            String program = command.get(0);
            if (program.contains("/") && (program.startsWith("/") || List.of(program.split("/")).contains(".."))) {
                throw new IllegalArgumentException("command " + Redaction.abbreviate(program)
                        + " must be a path inside the package (relative, without ..) or a program name looked up in PATH");
            }
            long timeout = o.get("timeoutSeconds").isPresent() ? o.requireLong("timeoutSeconds") : limits.maxTimeout();
            if (timeout < 1 || timeout > limits.maxTimeout()) {
                throw new IllegalArgumentException("timeoutSeconds is " + timeout + "; it must be from 1 to " + limits.maxTimeout());
            }
            return Optional.of(new Declaration(command, timeout));
        } catch (IllegalArgumentException | FormatException e) {
            out.add(Severity.ERROR, "smoke.descriptor-invalid", "smoke declaration: " + e.getMessage(), PackageDescriptor.PATH, 0, -1);
            return Optional.empty();
        }
    }

    private static void run(PackageView pkg, Declaration declaration, Limits limits, FindingList out) {
        if (!Files.isExecutable(SHELL)) {
            out.add(Severity.ERROR, "smoke.unsupported", "smoke runs need a POSIX /bin/sh for resource limits; run validation"
                    + " on Linux or macOS", "", 0, -1);
            return;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(limits.tempDir(), "idea-smoke-");
            Path copy = work.resolve("package");
            SandboxCopy.copy(pkg.root(), copy);
            Files.createDirectories(work.resolve("home"));
            Files.createDirectories(work.resolve("tmp"));
            String program = declaration.command().get(0);
            if (program.contains("/")) {
                Path target = copy.resolve(program).normalize();
                if (target.startsWith(copy) && Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    target.toFile().setExecutable(true, true);
                }
            }
            execute(declaration, limits, work, copy, out);
        } catch (IOException e) {
            out.add(Severity.ERROR, "smoke.io", "cannot prepare or run the smoke command: " + e.getMessage(), "", 0, -1);
        } finally {
            if (work != null) {
                SandboxCopy.deleteTree(work);
            }
        }
    }

    private static void execute(Declaration declaration, Limits limits, Path work, Path copy, FindingList out) throws IOException {
        List<String> argv = new ArrayList<>(List.of(SHELL.toString(), "-c",
                "ulimit -t " + limits.cpuSeconds() + " && ulimit -v " + limits.memoryMb() * 1024 + " && exec \"$@\"", "idea-smoke"));
        argv.addAll(declaration.command());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(copy.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", work.resolve("home").toString());
        env.put("TMPDIR", work.resolve("tmp").toString());
        env.put("LANG", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        OutputTail tail = new OutputTail(process.getInputStream(), limits.outputMaxBytes());
        Thread reader = new Thread(tail, "idea-smoke-output");
        reader.setDaemon(true);
        reader.start();
        ProcessTree tree = new ProcessTree(process);
        String command = Redaction.abbreviate(String.join(" ", declaration.command()));
        try {
            boolean exited = tree.await(declaration.timeoutSeconds() * 1000);
            tree.killAll();
            reader.join(5000);
            if (!exited) {
                out.add(Severity.ERROR, "smoke.timeout", "smoke command " + command + " did not finish within "
                        + declaration.timeoutSeconds() + " s and was killed with its child processes; output tail:\n" + tail.text(),
                        PackageDescriptor.PATH, 0, -1);
            } else if (process.exitValue() != 0) {
                out.add(Severity.ERROR, "smoke.failed", "smoke command " + command + " exited with " + process.exitValue()
                        + exitHint(process.exitValue()) + "; output tail:\n" + tail.text(), PackageDescriptor.PATH, 0, -1);
            } else {
                out.add(Severity.INFO, "smoke.passed", "smoke command " + command + " exited with 0", PackageDescriptor.PATH, 0, -1);
            }
        } catch (InterruptedException e) {
            tree.killAll();
            Thread.currentThread().interrupt();
            out.add(Severity.ERROR, "smoke.interrupted", "the smoke run was interrupted (validator deadline?) and its processes"
                    + " were killed", PackageDescriptor.PATH, 0, -1);
        }
    }

    private static String exitHint(int code) {
        return switch (code) {
            case 137 -> " (killed, e.g. by SIGKILL)";
            case 152, 158 -> " (CPU time limit reached)";
            case 126 -> " (command not executable)";
            case 127 -> " (command not found)";
            default -> code > 128 ? " (killed by signal " + (code - 128) + ")" : "";
        };
    }
}
