package dev.idea.api.merkle;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.VerificationException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 section 2.1.4 consistency proof: the hashes showing that the tree of {@code oldSize}
 * leaves is a prefix of the tree of {@code newSize} leaves.
 *
 * <p>Security guarantees: {@link #verify} accepts only when the proof, processed by the RFC 9162
 * section 2.1.4.2 algorithm, reproduces both roots and uses every element exactly. As in RFC 9162
 * and the transparency-dev implementation, a tree of size 0 is consistent with every tree (the
 * proof must then be empty) and equal sizes need an empty proof and equal roots.
 *
 * @param oldSize size of the earlier tree
 * @param newSize size of the later tree, at least {@code oldSize}
 * @param path the proof hashes
 * @since 0.2
 */
public record ConsistencyProof(long oldSize, long newSize, List<Digest> path) {

    /** Validates ranges and copies the path. */
    public ConsistencyProof {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("need 0 <= oldSize <= newSize, got oldSize " + oldSize + " and newSize " + newSize);
        }
        path = List.copyOf(path);
        for (Digest d : path) {
            if (d.algorithm() != HashAlgorithm.SHA_256) {
                throw new IllegalArgumentException("proof hashes must be sha256, got " + d);
            }
        }
    }

    /**
     * Verifies that the old root's tree is a prefix of the new root's tree.
     *
     * @param oldRoot the root of the tree of {@link #oldSize()} leaves
     * @param newRoot the root of the tree of {@link #newSize()} leaves
     * @throws VerificationException with {@link ErrorCode#MERKLE_PROOF_INVALID} when it does not verify
     */
    public void verify(Digest oldRoot, Digest newRoot) {
        verify(oldSize, newSize, InclusionProof.raw(path), oldRoot.value().toByteArray(), newRoot.value().toByteArray());
    }

    /**
     * Verifies a consistency proof given as raw hashes (RFC 9162 section 2.1.4.2).
     *
     * @param oldSize size of the earlier tree
     * @param newSize size of the later tree
     * @param path the proof
     * @param oldRoot the earlier root
     * @param newRoot the later root
     * @throws VerificationException with {@link ErrorCode#MERKLE_PROOF_INVALID} when it does not verify
     */
    public static void verify(long oldSize, long newSize, List<byte[]> path, byte[] oldRoot, byte[] newRoot) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        if (oldSize < 0 || newSize < 0 || newSize < oldSize) {
            throw InclusionProof.invalid("a tree of " + newSize + " leaves cannot extend a tree of " + oldSize
                    + " leaves; the log went back in time or the sizes are swapped");
        }
        if (oldSize == newSize) {
            requireEmpty(path, oldSize, newSize);
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw InclusionProof.invalid("two trees of " + oldSize + " leaves have different roots: the log forked");
            }
            return;
        }
        if (oldSize == 0) {
            requireEmpty(path, oldSize, newSize);
            return;
        }
        if (path.isEmpty()) {
            throw InclusionProof.invalid("consistency proof from " + oldSize + " to " + newSize + " leaves is empty");
        }
        check(oldSize, newSize, path, oldRoot, newRoot);
    }

    private static void check(long oldSize, long newSize, List<byte[]> path, byte[] oldRoot, byte[] newRoot) {
        for (int i = 0; i < path.size(); i++) {
            InclusionProof.requireHashLength(path.get(i), "proof element " + i);
        }
        int start = 0;
        byte[] seed;
        if (Long.bitCount(oldSize) == 1) {
            seed = oldRoot;
            InclusionProof.requireHashLength(oldRoot, "old root");
        } else {
            seed = path.get(0);
            start = 1;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = start; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                throw InclusionProof.invalid("consistency proof from " + oldSize + " to " + newSize + " leaves has "
                        + path.size() + " elements, more than the trees allow");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw InclusionProof.invalid("consistency proof from " + oldSize + " to " + newSize
                    + " leaves is truncated (" + path.size() + " elements)");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw InclusionProof.invalid("consistency proof from " + oldSize + " to " + newSize
                    + " leaves does not reproduce the old root; the proof or the old root is wrong");
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw InclusionProof.invalid("consistency proof from " + oldSize + " to " + newSize
                    + " leaves does not reproduce the new root; the log is not an extension of the old tree (fork)");
        }
    }

    private static void requireEmpty(List<byte[]> path, long oldSize, long newSize) {
        if (!path.isEmpty()) {
            throw InclusionProof.invalid("consistency proof from " + oldSize + " to " + newSize
                    + " leaves must be empty, got " + path.size() + " elements");
        }
    }
}
