package dev.idea.api.merkle;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.VerificationException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 section 2.1.3 inclusion proof: the audit path showing that leaf {@code leafIndex} is
 * in the tree of {@code treeSize} leaves.
 *
 * <p>Security guarantees: {@link #verify} accepts only when the path, folded over the leaf hash by
 * the RFC 9162 section 2.1.3.2 algorithm, uses every element exactly and yields the expected root.
 *
 * @param leafIndex the leaf's position, from 0
 * @param treeSize the number of leaves of the tree the proof is for
 * @param path the sibling hashes from the leaf up to the root
 * @since 0.2
 */
public record InclusionProof(long leafIndex, long treeSize, List<Digest> path) {

    /** Validates ranges and copies the path. */
    public InclusionProof {
        if (treeSize < 1 || leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("need 0 <= leafIndex < treeSize, got leafIndex " + leafIndex
                    + " and treeSize " + treeSize);
        }
        path = List.copyOf(path);
        for (Digest d : path) {
            if (d.algorithm() != HashAlgorithm.SHA_256) {
                throw new IllegalArgumentException("proof hashes must be sha256, got " + d);
            }
        }
    }

    /**
     * Verifies that a leaf hash is at this proof's index in the tree with this root.
     *
     * @param leafHash the leaf's hash (see {@link MerkleHash#leaf})
     * @param root the expected root of the tree of {@link #treeSize()} leaves
     * @throws VerificationException with {@link ErrorCode#MERKLE_PROOF_INVALID} when it does not verify
     */
    public void verify(Digest leafHash, Digest root) {
        verify(leafIndex, treeSize, leafHash.value().toByteArray(), raw(path), root.value().toByteArray());
    }

    /**
     * Verifies an inclusion proof given as raw hashes.
     *
     * @param leafIndex the leaf's position
     * @param treeSize the tree size
     * @param leafHash the 32-byte leaf hash
     * @param path the audit path
     * @param root the expected root
     * @throws VerificationException with {@link ErrorCode#MERKLE_PROOF_INVALID} when it does not verify
     */
    public static void verify(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromPath(leafIndex, treeSize, leafHash, path);
        if (!MessageDigest.isEqual(computed, root)) {
            throw invalid("inclusion proof for leaf " + leafIndex + " in a tree of " + treeSize
                    + " leaves yields a root that differs from the expected root; the leaf, proof or root is wrong");
        }
    }

    /**
     * Computes the root an inclusion proof leads to (RFC 9162 section 2.1.3.2).
     *
     * @param leafIndex the leaf's position
     * @param treeSize the tree size
     * @param leafHash the 32-byte leaf hash
     * @param path the audit path
     * @return the root the path leads to
     * @throws VerificationException with {@link ErrorCode#MERKLE_PROOF_INVALID} when the index, sizes or
     *     path length do not fit together
     */
    public static byte[] rootFromPath(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(path, "path");
        if (treeSize < 1 || leafIndex < 0 || Long.compareUnsigned(leafIndex, treeSize) >= 0) {
            throw invalid("leaf index " + Long.toUnsignedString(leafIndex) + " is not inside a tree of "
                    + Long.toUnsignedString(treeSize) + " leaves");
        }
        requireHashLength(leafHash, "leaf hash");
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (int i = 0; i < path.size(); i++) {
            byte[] p = path.get(i);
            requireHashLength(p, "proof element " + i);
            if (sn == 0) {
                throw invalid("inclusion proof for leaf " + leafIndex + " in a tree of " + treeSize + " leaves has "
                        + path.size() + " elements, more than the tree's height allows");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw invalid("inclusion proof for leaf " + leafIndex + " in a tree of " + treeSize + " leaves has only "
                    + path.size() + " elements; it is truncated");
        }
        return r;
    }

    static List<byte[]> raw(List<Digest> digests) {
        List<byte[]> raw = new ArrayList<>(digests.size());
        for (Digest d : digests) {
            raw.add(d.value().toByteArray());
        }
        return raw;
    }

    static void requireHashLength(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != MerkleHash.SIZE) {
            throw invalid(what + " is " + hash.length + " bytes; SHA-256 Merkle hashes are " + MerkleHash.SIZE + " bytes");
        }
    }

    static VerificationException invalid(String message) {
        return new VerificationException(ErrorCode.MERKLE_PROOF_INVALID, message);
    }
}
