package dev.idea.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One in-process run of the {@code idea} command with captured standard output and error.
 *
 * @param exitCode the exit code
 * @param stdout raw standard output
 * @param stderr standard error as text
 */
record Invocation(int exitCode, byte[] stdout, String stderr) {

    static Invocation run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static Invocation runWithInput(byte[] stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = IdeaCommand.run(new ByteArrayInputStream(stdin), out, err, args);
        return new Invocation(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    String lastOutLine() {
        List<String> lines = outLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out() + "\n--- stderr\n" + stderr;
    }
}
