package dev.idea.api.merkle;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 section 2.1.1 hash functions of a Merkle tree over SHA-256.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class MerkleHash {
    /** Length of every hash, in bytes. */
    public static final int SIZE = 32;

    /** Root hash of the empty tree: SHA-256 of the empty string. */
    public static final Digest EMPTY_ROOT = Digest.ofSha256(sha256().digest());

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /**
     * Hashes a leaf: SHA-256(0x00 || data).
     *
     * @param data the leaf's bytes
     * @return the 32-byte leaf hash
     */
    public static byte[] leaf(byte[] data) {
        MessageDigest md = sha256();
        md.update(LEAF_PREFIX);
        md.update(data);
        return md.digest();
    }

    /**
     * Hashes a leaf: SHA-256(0x00 || data).
     *
     * @param data the leaf's bytes
     * @return the leaf hash
     */
    public static Digest leaf(Bytes data) {
        MessageDigest md = sha256();
        md.update(LEAF_PREFIX);
        data.updateDigest(md);
        return Digest.ofSha256(md.digest());
    }

    /**
     * Hashes an interior node: SHA-256(0x01 || left || right).
     *
     * @param left the left child's hash
     * @param right the right child's hash
     * @return the 32-byte node hash
     */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /**
     * Hashes an interior node: SHA-256(0x01 || left || right).
     *
     * @param left the left child's hash
     * @param right the right child's hash
     * @return the node hash
     */
    public static Digest node(Digest left, Digest right) {
        return Digest.ofSha256(node(left.value().toByteArray(), right.value().toByteArray()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
