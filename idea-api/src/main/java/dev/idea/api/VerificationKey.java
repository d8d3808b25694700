package dev.idea.api;

import java.util.Objects;

/**
 * A public key with the one algorithm it may be used with.
 *
 * <p>The key is held as a DER-encoded X.509 SubjectPublicKeyInfo (SPKI). Its {@link #keyId()} is
 * {@code sha256:} of those bytes; IDEA uses it as the DSSE {@code keyid} hint, but trust decisions
 * always compare the key itself.
 *
 * @param algorithm the algorithm this key verifies, pinned
 * @param spki the DER-encoded SubjectPublicKeyInfo
 * @since 0.1
 */
public record VerificationKey(SignatureAlgorithm algorithm, Bytes spki) {

    /** Validates presence; the encoding itself is checked when the key is first used. */
    public VerificationKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(spki, "spki");
        if (spki.isEmpty()) {
            throw new VerificationException(ErrorCode.KEY_INVALID, "public key has no bytes; pass a DER SubjectPublicKeyInfo");
        }
    }

    /**
     * Returns {@code sha256:<hex>} of the SPKI bytes.
     *
     * @return the key id
     */
    public String keyId() {
        return Digest.sha256(spki).toString();
    }
}
