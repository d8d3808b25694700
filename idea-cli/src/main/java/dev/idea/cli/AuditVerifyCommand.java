package dev.idea.cli;

import dev.idea.api.ChainVerification;
import dev.idea.api.Idea;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idea audit verify}: replays the whole audit log of a data directory. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replays the whole audit log: hashes, links, sequence, Merkle tree and every signed checkpoint. "
                + "On failure prints the first bad entry and the kind of fault.")
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Override
    public Integer call() {
        requireDirectory(dataDirectory);
        try (Idea idea = EmbeddedDefaults.builder(dataDirectory).build()) {
            ChainVerification v = idea.verifyAuditChain();
            PrintWriter out = spec.commandLine().getOut();
            out.println("events: " + v.eventCount() + ", head " + v.headHash());
            idea.latestCheckpoint().ifPresent(c -> out.println("latest checkpoint: size " + c.treeSize() + ", root " + c.rootHash()));
            idea.checkpointKey().ifPresent(k -> out.println("checkpoint key: " + k.verifierKey()));
            out.println("audit log verified");
        }
        return IdeaCommand.EXIT_OK;
    }

    static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CommandException("data directory " + dir.toAbsolutePath().normalize()
                    + " does not exist; pass --data-dir DIR where 'idea demo' ran");
        }
    }
}
