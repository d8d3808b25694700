package dev.idea.api;

import java.util.Objects;

/**
 * A cryptographic digest with its algorithm, written {@code sha256:<64 lowercase hex digits>}.
 *
 * @param algorithm the hash function
 * @param value the digest bytes, exactly {@link HashAlgorithm#length()} long
 * @since 0.1
 */
public record Digest(HashAlgorithm algorithm, Bytes value) {

    /**
     * Validates the length.
     *
     * @throws FormatException with {@link ErrorCode#DIGEST_INVALID} when the length is wrong
     */
    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (value.size() != algorithm.length()) {
            throw new FormatException(ErrorCode.DIGEST_INVALID, algorithm.prefix() + " digest must be "
                    + algorithm.length() + " bytes, got " + value.size());
        }
    }

    /**
     * Computes the SHA-256 digest of bytes.
     *
     * @param data the input
     * @return its digest
     */
    public static Digest sha256(Bytes data) {
        var md = HashAlgorithm.SHA_256.newMessageDigest();
        data.updateDigest(md);
        return new Digest(HashAlgorithm.SHA_256, Bytes.of(md.digest()));
    }

    /**
     * Wraps 32 raw SHA-256 bytes.
     *
     * @param raw the digest bytes, copied
     * @return the digest
     */
    public static Digest ofSha256(byte[] raw) {
        return new Digest(HashAlgorithm.SHA_256, Bytes.of(raw));
    }

    /**
     * Parses {@code sha256:hex} or {@code sha512:hex}.
     *
     * @param text the digest string
     * @return the digest
     * @throws FormatException with {@link ErrorCode#DIGEST_INVALID} when malformed
     */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new FormatException(ErrorCode.DIGEST_INVALID, "digest \"" + Texts.abbreviate(text)
                    + "\" has no algorithm prefix; write it as sha256:<hex>");
        }
        HashAlgorithm algorithm = HashAlgorithm.ofPrefix(text.substring(0, colon));
        String hex = text.substring(colon + 1);
        if (hex.length() != algorithm.length() * 2 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new FormatException(ErrorCode.DIGEST_INVALID, "digest \"" + Texts.abbreviate(text) + "\" must have "
                    + algorithm.length() * 2 + " lowercase hex digits after \"" + algorithm.prefix() + ":\"");
        }
        return new Digest(algorithm, Bytes.fromHex(hex));
    }

    /**
     * Returns the digest bytes as lowercase hex.
     *
     * @return the hex digits without prefix
     */
    public String hex() {
        return value.hex();
    }

    /**
     * Returns {@code algorithm:hex}.
     *
     * @return the digest string
     */
    @Override
    public String toString() {
        return algorithm.prefix() + ":" + value.hex();
    }
}
