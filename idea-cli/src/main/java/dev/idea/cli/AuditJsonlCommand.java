package dev.idea.cli;

import dev.idea.api.Idea;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code idea audit jsonl -o FILE}: writes the audit log as JSON Lines for SIEM ingestion. */
@Command(name = "jsonl", mixinStandardHelpOptions = true,
        description = "Writes the audit log as JSON Lines (ts, seq, type, actor, subject, manifestSignatureId, hash, prevHash, event).")
final class AuditJsonlCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The file to write.")
    private Path output;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Override
    public Integer call() {
        AuditVerifyCommand.requireDirectory(dataDirectory);
        try (Idea idea = EmbeddedDefaults.builder(dataDirectory).build(); OutputStream out = Files.newOutputStream(output)) {
            idea.exportAuditJsonl(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        return IdeaCommand.EXIT_OK;
    }
}
