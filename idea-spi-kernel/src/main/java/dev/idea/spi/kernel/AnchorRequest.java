package dev.idea.spi.kernel;

import dev.idea.api.Digest;
import java.util.Objects;

/**
 * A request to anchor one signed checkpoint of the audit log outside IDEA's storage.
 *
 * @param origin the checkpoint's origin line
 * @param treeSize the tree size it covers
 * @param rootHash the Merkle root it commits to
 * @param checkpointNote the complete signed note (c2sp.org/tlog-checkpoint)
 * @since 0.2
 */
public record AnchorRequest(String origin, long treeSize, Digest rootHash, String checkpointNote) {

    /** Validates presence and range. */
    public AnchorRequest {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(checkpointNote, "checkpointNote");
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, got " + treeSize);
        }
    }
}
