package dev.idea.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions IDEA computes and accepts in {@link Digest}s.
 *
 * @since 0.1
 */
public enum HashAlgorithm {
    /** SHA-256 (FIPS 180-4), prefix {@code sha256}. */
    SHA_256("sha256", "SHA-256", 32),
    /** SHA-512 (FIPS 180-4), prefix {@code sha512}. */
    SHA_512("sha512", "SHA-512", 64);

    private final String prefix;
    private final String jcaName;
    private final int length;

    HashAlgorithm(String prefix, String jcaName, int length) {
        this.prefix = prefix;
        this.jcaName = jcaName;
        this.length = length;
    }

    /**
     * Returns the prefix used in digest strings, e.g. {@code sha256}.
     *
     * @return the prefix
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Returns the digest length in bytes.
     *
     * @return 32 or 64
     */
    public int length() {
        return length;
    }

    /**
     * Returns a new JDK message digest for this algorithm (the JDK's SHA-NI intrinsics make it the
     * fastest choice for bulk hashing).
     *
     * @return a fresh digest, not thread-safe
     */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required by every Java platform", e);
        }
    }

    /**
     * Finds the algorithm for a digest-string prefix.
     *
     * @param prefix e.g. {@code sha256}
     * @return the algorithm
     * @throws FormatException with {@link ErrorCode#DIGEST_INVALID} for an unknown prefix
     */
    public static HashAlgorithm ofPrefix(String prefix) {
        for (HashAlgorithm a : values()) {
            if (a.prefix.equals(prefix)) {
                return a;
            }
        }
        throw new FormatException(ErrorCode.DIGEST_INVALID,
                "unknown digest algorithm \"" + Texts.abbreviate(prefix) + "\"; use sha256 or sha512");
    }
}
