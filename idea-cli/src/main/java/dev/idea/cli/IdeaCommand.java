package dev.idea.cli;

import dev.idea.api.IdeaException;
import dev.idea.api.AuditChainException;
import dev.idea.api.VerificationException;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code idea} command: the entry point of the command line and parent of the {@code demo},
 * {@code canon}, {@code verify}, {@code validate}, {@code audit} and {@code simulate} subcommands.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_VERIFICATION_FAILED} a signature, signer
 * or signed manifest did not verify, or a simulation replay did not match ({@link VerificationException}), {@value #EXIT_ERROR} any other
 * error, including bad usage. Every failure is one {@code error:} line on standard error; an
 * {@link IdeaException} is shown with its error code, e.g.
 * {@code error: IDEA-1002 JSON_DUPLICATE_KEY: …}. {@code --verbose} adds the stack trace.
 *
 * <p>An instance serves one invocation and is not thread-safe.
 *
 * @since 0.1
 */
@Command(name = "idea",
        mixinStandardHelpOptions = true,
        versionProvider = IdeaCommand.Version.class,
        description = "IDEA: governed, auditable releases from the command line.",
        subcommands = {DemoCommand.class, CanonCommand.class, VerifyCommand.class, ValidateCommand.class,
            AuditCommand.class, SimulateCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {IdeaCommand.EXIT_CODE_0, IdeaCommand.EXIT_CODE_1, IdeaCommand.EXIT_CODE_2})
public final class IdeaCommand implements Runnable {

    /** Exit code of a successful command. */
    public static final int EXIT_OK = 0;
    /** Exit code when a signature, signer or signed manifest did not verify. */
    public static final int EXIT_VERIFICATION_FAILED = 1;
    /** Exit code of every other failure: bad usage, unreadable or invalid input, provider failures. */
    public static final int EXIT_ERROR = 2;

    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String EXIT_CODE_0 = "0:success";
    static final String EXIT_CODE_1 = "1:verification failed (a signature, signer or signed manifest did not verify)";
    static final String EXIT_CODE_2 = "2:error (bad usage, unreadable or invalid input, provider or storage failure)";

    private final InputStream stdin;
    private final OutputStream stdout;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace after the error line.")
    private boolean verbose;

    private IdeaCommand(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /**
     * Runs the command line with the process's standard streams and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err, args));
    }

    /**
     * Runs one invocation. Text is written as UTF-8; {@code canon} writes raw bytes to {@code out}.
     *
     * @param in standard input, read by {@code canon -}
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        return CommandRunner.run(new IdeaCommand(in, out), out, err,
                failure -> failure instanceof VerificationException || failure instanceof AuditChainException
                        ? EXIT_VERIFICATION_FAILED : EXIT_ERROR,
                args);
    }

    /** Without a subcommand there is nothing to do: show the usage and fail. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: give one of demo, canon, verify, validate, audit, simulate");
    }

    /**
     * Returns standard input.
     *
     * @return the stream
     */
    InputStream stdin() {
        return stdin;
    }

    /**
     * Returns standard output as a byte stream; flush the command's writer before writing to it.
     *
     * @return the stream
     */
    OutputStream stdout() {
        return stdout;
    }

    /** Reports the version written into the jar manifest at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = IdeaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"idea " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
