package dev.idea.core.internal.crypto;

import dev.idea.api.Bytes;
import dev.idea.api.VerificationKey;
import java.util.Objects;

/**
 * Converts public keys between DER SubjectPublicKeyInfo, PEM and {@link VerificationKey}.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: {@link #fromSpki} detects the algorithm from the SPKI's OID, accepts only
 * Ed25519 and NIST P-256 keys in their canonical DER encoding, and validates the point, so a key
 * that is returned will decode again when it verifies.
 *
 * @since 0.1
 */
public final class PublicKeys {
    private static final String PEM_LABEL = "PUBLIC KEY";

    private PublicKeys() {
    }

    /**
     * Decodes and validates a DER SubjectPublicKeyInfo.
     *
     * @param spkiDer the DER bytes
     * @return the key with the algorithm its OID names
     * @throws dev.idea.api.VerificationException with {@code KEY_INVALID} for malformed DER or an
     *     invalid point, or {@code ALGORITHM_UNSUPPORTED} for an algorithm or curve other than
     *     Ed25519 and P-256
     */
    public static VerificationKey fromSpki(Bytes spkiDer) {
        Objects.requireNonNull(spkiDer, "spkiDer");
        DecodedKey decoded = SignatureVerifier.decode(spkiDer);
        return new VerificationKey(decoded.algorithm(), spkiDer);
    }

    /**
     * Decodes a PEM {@code PUBLIC KEY} block (RFC 7468) holding a SubjectPublicKeyInfo.
     *
     * @param pem the text, {@code -----BEGIN PUBLIC KEY-----} … {@code -----END PUBLIC KEY-----}
     * @return the key
     * @throws dev.idea.api.FormatException with {@code ENCODING_INVALID} when the PEM armor or base64 is broken
     * @throws dev.idea.api.VerificationException as {@link #fromSpki}
     */
    public static VerificationKey fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        return fromSpki(PemSupport.decode(pem, PEM_LABEL));
    }

    /**
     * Encodes a key as a PEM {@code PUBLIC KEY} block with 64-character lines and a trailing newline.
     *
     * @param key the key
     * @return the PEM text
     */
    public static String toPem(VerificationKey key) {
        Objects.requireNonNull(key, "key");
        return PemSupport.encode(key.spki(), PEM_LABEL);
    }
}
