package dev.idea.kms.local;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;

/**
 * One private key of the local KMS with its precomputed public half.
 *
 * <p>Implementations are immutable and thread-safe.
 */
interface LocalKey {

    /**
     * Returns the key's only algorithm.
     *
     * @return the algorithm
     */
    SignatureAlgorithm algorithm();

    /**
     * Returns the public half as a DER SubjectPublicKeyInfo.
     *
     * @return the verification key
     */
    VerificationKey publicKey();

    /**
     * Signs data (Ed25519: pure; ECDSA: SHA-256, RFC 6979 nonce, DER output).
     *
     * @param data the bytes to sign
     * @return the signature
     */
    Bytes sign(Bytes data);

    /**
     * Returns the private key as an unencrypted PKCS#8 DER structure, for persisting.
     *
     * @return the DER bytes; the caller must not keep them longer than needed
     */
    byte[] pkcs8();
}
