package dev.idea.api;

import java.util.Objects;

/**
 * A signed checkpoint of the audit log in the c2sp.org/tlog-checkpoint format: origin, tree size
 * and root hash, with the complete signed note as it was signed (signature lines included).
 *
 * @param origin the log's origin line, e.g. {@code example.com/idea-audit}
 * @param treeSize the number of events the root covers
 * @param rootHash the RFC 9162 root of the first {@code treeSize} events
 * @param note the signed note text: body, blank line, signature lines
 * @since 0.2
 */
public record Checkpoint(String origin, long treeSize, Digest rootHash, String note) {

    /** Validates presence and range. */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(note, "note");
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, got " + treeSize);
        }
    }
}
