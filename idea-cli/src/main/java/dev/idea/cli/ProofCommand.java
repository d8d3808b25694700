package dev.idea.cli;

import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code proof} command: evidence that a release follows its policies. Parent of {@code adapt},
 * which plans (and, unless {@code --dry-run}, checks) the rules of a policy for one context.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_RULES_FAILED} a checked rule failed,
 * {@value IdeaCommand#EXIT_ERROR} any other error, including bad usage. Every error is one
 * {@code error:} line on standard error with its error code; {@code --verbose} adds the stack trace.
 *
 * <p>An instance serves one invocation and is not thread-safe.
 *
 * @since 0.1
 */
@Command(name = "proof",
        mixinStandardHelpOptions = true,
        versionProvider = IdeaCommand.Version.class,
        description = "IDEA proof: plans and checks the policy rules that apply to a release context.",
        subcommands = {AdaptCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {ProofCommand.EXIT_CODE_0, ProofCommand.EXIT_CODE_1, IdeaCommand.EXIT_CODE_2})
public final class ProofCommand implements Runnable {

    /** Exit code of a successful command. */
    public static final int EXIT_OK = 0;
    /** Exit code when a checked rule failed. */
    public static final int EXIT_RULES_FAILED = 1;

    static final String EXIT_CODE_0 = "0:success (the plan was made; every checked rule passed)";
    static final String EXIT_CODE_1 = "1:a rule of the plan failed its check";

    private final InputStream stdin;
    private final OutputStream stdout;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace after the error line.")
    private boolean verbose;

    private ProofCommand(InputStream stdin, OutputStream stdout) {
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
     * Runs one invocation.
     *
     * @param in standard input, read by {@code --context -}
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        return CommandRunner.run(new ProofCommand(in, out), out, err, failure -> IdeaCommand.EXIT_ERROR, args);
    }

    /** Without a subcommand there is nothing to do: show the usage and fail. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give adapt");
    }

    InputStream stdin() {
        return stdin;
    }

    OutputStream stdout() {
        return stdout;
    }
}
