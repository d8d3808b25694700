package dev.idea.core.internal.crypto;

import dev.idea.api.SignatureAlgorithm;

/**
 * A public key decoded from its SubjectPublicKeyInfo, ready to verify signatures.
 *
 * <p>Implementations are immutable and thread-safe, so one instance is shared through
 * {@link DecodedKeyCache}.
 */
interface DecodedKey {

    /**
     * Returns the algorithm the SPKI's OID names.
     *
     * @return the algorithm
     */
    SignatureAlgorithm algorithm();

    /**
     * Checks a signature; never throws for a malformed or wrong signature.
     *
     * @param message the signed bytes
     * @param signature the signature in any encoding the algorithm accepts
     * @return whether the signature is valid for the message under this key
     */
    boolean verify(byte[] message, byte[] signature);
}
