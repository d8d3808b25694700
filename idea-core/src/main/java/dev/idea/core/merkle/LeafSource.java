package dev.idea.core.merkle;

import java.util.List;

/** Recomputes leaf hashes from the source of truth (the event log) when tree nodes must be repaired. */
@FunctionalInterface
public interface LeafSource {

    /**
     * Returns the leaf hashes of a range of leaves.
     *
     * @param fromIndex first leaf
     * @param maxCount most leaves to return (at least 1)
     * @return 1 to {@code maxCount} 32-byte leaf hashes, in order
     */
    List<byte[]> leafHashes(long fromIndex, int maxCount);
}
