package dev.idea.cli;

import dev.idea.api.Idea;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idea audit export --manifest ID -o FILE}: writes the offline evidence bundle of one manifest. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the evidence bundle (gzip JSON) of one manifest: signed manifest, audit events, "
                + "inclusion proofs, checkpoint and keys.")
final class AuditExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "ID", description = "The manifest id.")
    private String manifestId;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The bundle to write, e.g. bundle.json.gz.")
    private Path output;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Override
    public Integer call() {
        AuditVerifyCommand.requireDirectory(dataDirectory);
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        try (Idea idea = EmbeddedDefaults.builder(dataDirectory).build()) {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                idea.exportEvidenceBundle(manifestId, out);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the temporary file is next to the output and named after it
            }
        }
        spec.commandLine().getOut().println("evidence bundle of " + manifestId + " written to " + output);
        return IdeaCommand.EXIT_OK;
    }
}
