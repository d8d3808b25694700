package dev.idea.core.merkle;

import dev.idea.api.HashAlgorithm;
import java.security.MessageDigest;

/**
 * RFC 9162 section 2.1.1 leaf and node hashes, byte-identical to
 * {@link dev.idea.api.merkle.MerkleHash}, on one reused SHA-256 instance per thread: looking the
 * algorithm up for every hash costs about as much as the hash itself.
 *
 * <p>Thread-safe (per-thread state only).
 */
public final class TreeHashes {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HashAlgorithm.SHA_256::newMessageDigest);

    private TreeHashes() {
    }

    /**
     * Returns SHA-256(0x00 || data).
     *
     * @param data the leaf data
     * @return the 32-byte leaf hash
     */
    public static byte[] leaf(byte[] data) {
        MessageDigest md = SHA_256.get();
        md.update((byte) 0x00);
        md.update(data);
        return md.digest();
    }

    /**
     * Returns SHA-256(0x01 || left || right).
     *
     * @param left the left child hash
     * @param right the right child hash
     * @return the 32-byte node hash
     */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest md = SHA_256.get();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }
}
