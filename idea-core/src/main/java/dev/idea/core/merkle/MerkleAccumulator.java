package dev.idea.core.merkle;

import dev.idea.api.Digest;
import dev.idea.api.merkle.MerkleHash;

/**
 * A streaming RFC 9162 tree root: holds one hash per level (the compact range of the leaves seen so
 * far), so a log of any length is folded in O(log n) memory.
 *
 * <p>Not thread-safe.
 */
public final class MerkleAccumulator {
    private final byte[][] frontier = new byte[64][];
    private long size;

    /** Creates an accumulator for the empty tree. */
    public MerkleAccumulator() {
    }

    /**
     * Adds the next leaf.
     *
     * @param leafHash its 32-byte leaf hash
     */
    public void add(byte[] leafHash) {
        byte[] carry = leafHash;
        int level = 0;
        long s = size;
        while ((s & 1) == 1) {
            carry = TreeHashes.node(frontier[level], carry);
            frontier[level] = null;
            s >>>= 1;
            level++;
        }
        frontier[level] = carry;
        size++;
    }

    /**
     * Returns the number of leaves added.
     *
     * @return the tree size
     */
    public long size() {
        return size;
    }

    /**
     * Returns the root of the tree of the leaves added so far.
     *
     * @return the root, {@link MerkleHash#EMPTY_ROOT} when empty
     */
    public Digest root() {
        return size == 0 ? MerkleHash.EMPTY_ROOT : Digest.ofSha256(fold(frontier, size));
    }

    static byte[] fold(byte[][] frontier, long size) {
        byte[] root = null;
        for (int level = 0; level < 64; level++) {
            if ((size >>> level & 1) == 1) {
                root = root == null ? frontier[level] : TreeHashes.node(frontier[level], root);
            }
        }
        return root;
    }
}
