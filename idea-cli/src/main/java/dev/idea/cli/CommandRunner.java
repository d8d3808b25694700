package dev.idea.cli;

import dev.idea.api.IdeaException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs one invocation of a top-level command ({@code idea}, {@code proof}) the same way: UTF-8
 * writers over the given streams, and every failure reported as one {@code error:} line (the
 * {@link IdeaException} message already starts with its code), with the stack trace only under
 * {@code --verbose}. Each command decides which exit code a failure maps to.
 */
final class CommandRunner {
    private CommandRunner() {
    }

    /**
     * Runs a command line.
     *
     * @param command the annotated top-level command
     * @param out standard output
     * @param err standard error
     * @param exitCodeOf the exit code for a failure thrown by a command
     * @param args the arguments
     * @return the exit code
     */
    static int run(Object command, OutputStream out, OutputStream err, ToIntFunction<Exception> exitCodeOf,
                   String... args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(command)
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionExceptionHandler((failure, cl, parsed) -> report(failure, cl, parsed, exitCodeOf.applyAsInt(failure)));
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static int report(Exception failure, CommandLine commandLine, ParseResult parsed, int exitCode) {
        PrintWriter err = commandLine.getErr();
        commandLine.getOut().flush();
        err.println("error: " + oneLine(failure));
        if (verbose(parsed)) {
            failure.printStackTrace(err);
        } else if (!isExpected(failure)) {
            err.println("(an unexpected failure: run again with --verbose for the stack trace and report it)");
        }
        err.flush();
        return exitCode;
    }

    private static boolean isExpected(Exception failure) {
        return failure instanceof IdeaException || failure instanceof CommandException;
    }

    private static String oneLine(Exception failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), "(no message)");
        String text = isExpected(failure) ? message : failure.getClass().getName() + ": " + message;
        return text.replaceAll("\\R+", " ").strip();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
