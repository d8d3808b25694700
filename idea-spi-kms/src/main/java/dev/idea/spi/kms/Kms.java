package dev.idea.spi.kms;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;

/**
 * An open KMS that signs with keys it holds and never releases.
 *
 * <p>Implementations are thread-safe.
 *
 * <p>Security guarantees expected of implementations: private key material never leaves the KMS;
 * each key has exactly one algorithm, fixed when the key was created; {@link #sign} signs exactly
 * the bytes given (no prehash beyond what the algorithm defines).
 *
 * @since 0.1
 */
public interface Kms extends AutoCloseable {

    /**
     * Returns the algorithm of a key.
     *
     * @param key the key reference
     * @return the algorithm
     * @throws dev.idea.api.ProviderException with {@code KEY_NOT_FOUND} for an unknown key
     */
    SignatureAlgorithm algorithm(KeyRef key);

    /**
     * Returns the public half of a key.
     *
     * @param key the key reference
     * @return the verification key
     * @throws dev.idea.api.ProviderException with {@code KEY_NOT_FOUND} for an unknown key
     */
    VerificationKey publicKey(KeyRef key);

    /**
     * Signs data. Ed25519 signs the bytes as given (pure Ed25519); ECDSA P-256 hashes them with
     * SHA-256 and returns an ASN.1 DER signature.
     *
     * @param key the key reference
     * @param data the bytes to sign
     * @return the signature
     * @throws dev.idea.api.ProviderException with {@code KEY_NOT_FOUND} or {@code PROVIDER_FAILURE}
     */
    Bytes sign(KeyRef key, Bytes data);

    /** Releases sessions and handles; idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
