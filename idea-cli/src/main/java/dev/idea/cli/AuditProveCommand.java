package dev.idea.cli;

import dev.idea.api.Digest;
import dev.idea.api.Idea;
import dev.idea.api.merkle.ConsistencyProof;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.merkle.MerkleHash;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idea audit prove --index N | --consistency OLD NEW}: prints an RFC 9162 proof, verified before printing. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Prints an RFC 9162 inclusion proof of one event, or a consistency proof between two log sizes, "
                + "with the roots it leads to (hashes in hex, one per line).")
final class AuditProveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    static final class Which {
        @Option(names = "--index", paramLabel = "N", description = "Seq of the event to prove included.")
        Long index;

        @Option(names = "--consistency", arity = "2", paramLabel = "SIZE", description = "OLD NEW tree sizes.")
        long[] consistency;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    @Option(names = "--size", paramLabel = "SIZE", description = "Tree size for --index (default: the whole log).")
    private Long size;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Override
    public Integer call() {
        AuditVerifyCommand.requireDirectory(dataDirectory);
        PrintWriter out = spec.commandLine().getOut();
        try (Idea idea = EmbeddedDefaults.builder(dataDirectory).build()) {
            long n = idea.verifyAuditChain().eventCount();
            if (which.index != null) {
                long treeSize = size == null ? n : size;
                requireRange(which.index >= 0 && which.index < treeSize && treeSize <= n, "--index " + which.index
                        + " must be below the tree size " + treeSize + ", which must be at most " + n);
                InclusionProof p = idea.inclusionProof(which.index, treeSize);
                var event = idea.auditEvents(which.index, 1).get(0);
                Digest leaf = Digest.ofSha256(MerkleHash.leaf(event.hash().value().toByteArray()));
                Digest root = rootOf(idea, treeSize);
                p.verify(leaf, root);
                out.println("inclusion proof: leaf " + p.leafIndex() + " in tree of " + p.treeSize());
                out.println("leaf hash: " + leaf.hex());
                out.println("root: " + root.hex());
                print(out, p.path());
            } else {
                long oldSize = which.consistency[0];
                long newSize = which.consistency[1];
                requireRange(oldSize >= 0 && oldSize <= newSize && newSize <= n, "--consistency OLD NEW needs 0 <= OLD <= NEW <= " + n);
                ConsistencyProof p = idea.consistencyProof(oldSize, newSize);
                Digest oldRoot = rootOf(idea, oldSize);
                Digest newRoot = rootOf(idea, newSize);
                p.verify(oldRoot, newRoot);
                out.println("consistency proof: " + oldSize + " -> " + newSize);
                out.println("old root: " + oldRoot.hex());
                out.println("new root: " + newRoot.hex());
                print(out, p.path());
            }
        }
        return IdeaCommand.EXIT_OK;
    }

    /** The root of a tree size, computed from the stored tree nodes. */
    private static Digest rootOf(Idea idea, long treeSize) {
        return idea.auditRoot(treeSize);
    }

    private static void print(PrintWriter out, List<Digest> path) {
        out.println("path: " + path.size() + " hashes");
        path.forEach(d -> out.println(d.hex()));
    }

    private static void requireRange(boolean ok, String message) {
        if (!ok) {
            throw new CommandException(message);
        }
    }
}
