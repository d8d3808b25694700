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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code smoke} validator: runs the command a package declares in {@code idea-package.json}
 * ({@code {"smoke": {"command": ["bin/start.sh", "--self-test"], "timeoutSeconds": 30}}}) and fails
 * when it exits non-zero or outlives its timeout.
 *
 * <p>Security guarantees: the command runs in a copy of the package in a fresh private temporary
 * directory (removed afterwards), never in the sandbox; with an empty environment apart from
 * {@code PATH=/usr/local/bin:/usr/bin:/bin}, {@code HOME} and {@code TMPDIR} inside that directory,
 * {@code LANG=C}, {@code LC_ALL=C} and {@code TZ=UTC}, so no secret of the host's environment is
 * inherited; with stdin closed; under CPU-time and address-space limits set by
 * {@code /bin/sh -c 'umask 077 && ulimit -t N && ulimit -v M && exec "$@"'} (POSIX sh, dash, bash,
 * busybox; not available on Windows, where the validator reports {@code smoke.unsupported}); with at
 * most {@code output-max-bytes} of each output stream kept (its tail); and on timeout the process and
 * every descendant seen while it ran are killed ({@link ProcessTree}). It does not isolate the network
 * or the file system beyond file permissions: run validation under an OS sandbox (container, separate
 * user) for hostile packages.
 *
 * <p>Reproducible as far as the command is: the outcome holds the exit status and the tails of stdout
 * and stderr, each captured apart (never interleaved), with the scratch directory's path masked as
 * {@value ScratchMask#PLACEHOLDER} and every copied file dated at the Unix epoch; run-specific facts
 * (wall time, pid, the scratch directory, a timed-out command's output) go to the log only. A command
 * whose output or exit status varies (time, pids, randomness, network) gives a report that varies.
 * Thread-safe.
 */
public final class SmokeValidator implements PackageValidator {
    static final String ID = "smoke";
    private static final Set<String> KEYS = Set.of("required", "max-timeout-seconds", "cpu-seconds", "memory-mb",
            "output-max-bytes", "temp-dir");
    private static final Path SHELL = Path.of("/bin/sh");
    private static final Logger LOG = LoggerFactory.getLogger(SmokeValidator.class);

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

    /** What the package declared, and where ({@code $.smoke} in the descriptor) for findings. */
    private record Declaration(List<String> command, long timeoutSeconds, long line, long offset) {
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
            out.add(Severity.ERROR, "smoke.descriptor-invalid", d.problem().get(), PackageDescriptor.PATH, d.line(""), d.offset(""));
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
            return Optional.of(new Declaration(command, timeout, d.line("$.smoke"), d.offset("$.smoke")));
        } catch (IllegalArgumentException | FormatException e) {
            out.add(Severity.ERROR, "smoke.descriptor-invalid", "smoke declaration: " + e.getMessage(), PackageDescriptor.PATH,
                    d.line("$.smoke"), d.offset("$.smoke"));
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
            prepare(pkg, declaration, work);
            execute(declaration, limits, work, out);
        } catch (IOException e) {
            String message = work == null ? String.valueOf(e.getMessage()) : ScratchMask.of(work).mask(String.valueOf(e.getMessage()));
            LOG.warn("smoke run in {} failed: {}", work, e.toString());
            out.add(Severity.ERROR, "smoke.io", "cannot prepare or run the smoke command: " + e.getClass().getSimpleName()
                    + ": " + message, "", 0, -1);
        } finally {
            if (work != null) {
                SandboxCopy.deleteTree(work);
            }
        }
    }

    /** Copies the package to {@code work/package}, makes a packaged program executable, dates the scratch directories at the epoch. */
    private static void prepare(PackageView pkg, Declaration declaration, Path work) throws IOException {
        Path copy = work.resolve("package");
        SandboxCopy.copy(pkg.root(), copy);
        String program = declaration.command().get(0);
        if (program.contains("/")) {
            Path target = copy.resolve(program).normalize();
            if (target.startsWith(copy) && Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                target.toFile().setExecutable(true, true);
            }
        }
        for (Path dir : List.of(work.resolve("home"), work.resolve("tmp"), work)) {
            Files.createDirectories(dir);
            Files.setLastModifiedTime(dir, SandboxCopy.FIXED_TIME);
        }
    }

    private static Process start(Declaration declaration, Limits limits, Path work) throws IOException {
        List<String> argv = new ArrayList<>(List.of(SHELL.toString(), "-c", "umask 077 && ulimit -t " + limits.cpuSeconds()
                + " && ulimit -v " + limits.memoryMb() * 1024 + " && exec \"$@\"", "idea-smoke"));
        argv.addAll(declaration.command());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(work.resolve("package").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", work.resolve("home").toString());
        env.put("TMPDIR", work.resolve("tmp").toString());
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static void execute(Declaration declaration, Limits limits, Path work, FindingList out) throws IOException {
        long startedNanos = System.nanoTime();
        Process process = start(declaration, limits, work);
        OutputTail stdout = OutputTail.start(process.getInputStream(), limits.outputMaxBytes(), ScratchMask.of(work),
                "idea-smoke-stdout");
        OutputTail stderr = OutputTail.start(process.getErrorStream(), limits.outputMaxBytes(), ScratchMask.of(work),
                "idea-smoke-stderr");
        ProcessTree tree = new ProcessTree(process);
        String command = Redaction.abbreviate(String.join(" ", declaration.command()));
        try {
            boolean exited = tree.await(declaration.timeoutSeconds() * 1000);
            tree.killAll();
            stdout.await(5000);
            stderr.await(5000);
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            if (!exited) {
                LOG.warn("smoke command {} (pid {}, in {}) timed out after {} ms; output:\n{}", command, process.pid(), work, millis,
                        output(stdout, stderr));
                out.add(Severity.ERROR, "smoke.timeout", "smoke command " + command + " did not finish within "
                        + declaration.timeoutSeconds() + " s and was killed with its child processes (its output is logged,"
                        + " not reported: how far a command gets before a timeout varies from run to run)",
                        PackageDescriptor.PATH, declaration.line(), declaration.offset());
                return;
            }
            LOG.debug("smoke command {} (pid {}, in {}) exited with {} after {} ms", command, process.pid(), work,
                    process.exitValue(), millis);
            reportExit(declaration, command, process.exitValue(), output(stdout, stderr), out);
        } catch (InterruptedException e) {
            tree.killAll();
            Thread.currentThread().interrupt();
            out.add(Severity.ERROR, "smoke.interrupted", "the smoke run was interrupted (validator deadline?) and its processes"
                    + " were killed", PackageDescriptor.PATH, declaration.line(), declaration.offset());
        }
    }

    /** Reports a command that exited: its status, and on failure both output tails. */
    private static void reportExit(Declaration declaration, String command, int code, String output, FindingList out) {
        if (code != 0) {
            out.add(Severity.ERROR, "smoke.failed", "smoke command " + command + " exited with " + code + exitHint(code)
                    + "; " + output, PackageDescriptor.PATH, declaration.line(), declaration.offset());
        } else {
            out.add(Severity.INFO, "smoke.passed", "smoke command " + command + " exited with 0", PackageDescriptor.PATH,
                    declaration.line(), declaration.offset());
        }
    }

    /** Both output tails, stdout first, each kept apart so that their interleaving cannot vary between runs. */
    private static String output(OutputTail stdout, OutputTail stderr) {
        return "stdout tail:\n" + tail(stdout) + "stderr tail:\n" + tail(stderr);
    }

    private static String tail(OutputTail output) {
        String text = output.isEmpty() ? "(empty)" : output.text();
        return text.endsWith("\n") ? text : text + "\n";
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
