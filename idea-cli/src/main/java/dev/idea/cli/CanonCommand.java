package dev.idea.cli;

import dev.idea.api.Bytes;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idea canon FILE}: writes the RFC 8785 (JCS) canonical form of a JSON document to standard
 * output, byte for byte and without a trailing newline.
 */
@Command(name = "canon",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the RFC 8785 (JCS) canonical form of a JSON document: the exact UTF-8 bytes, "
                + "no trailing newline.",
            "Parsing is strict: duplicate member names, lone surrogates, invalid UTF-8, numbers outside the "
                + "IEEE 754 double range and oversized or overly deep documents are errors."},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {IdeaCommand.EXIT_CODE_0, IdeaCommand.EXIT_CODE_2})
final class CanonCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private IdeaCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON document, or - for standard input.")
    private String file;

    @Override
    public Integer call() {
        Bytes json = "-".equals(file)
                ? FileSupport.readBounded(parent.stdin(), IdeaFormats.MAX_DOCUMENT_BYTES, "standard input")
                : FileSupport.readFile(Path.of(file), IdeaFormats.MAX_DOCUMENT_BYTES);
        Bytes canonical = Idea.formats().canonicalize(json);
        spec.commandLine().getOut().flush();
        OutputStream out = parent.stdout();
        try {
            canonical.writeTo(out);
            out.flush();
        } catch (UncheckedIOException e) {
            throw new CommandException("cannot write to standard output: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new CommandException("cannot write to standard output: " + e.getMessage(), e);
        }
        return IdeaCommand.EXIT_OK;
    }
}
