package dev.idea.core.internal.crypto;

import dev.idea.api.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * An ECDSA P-256 public key verified with SHA-256 through a private BouncyCastle provider
 * instance.
 *
 * <p>Accepts strict ASN.1 DER signatures and 64-byte IEEE P1363 ({@code r || s}) signatures.
 * Immutable and thread-safe: each verification uses its own {@link Signature} object.
 */
final class EcdsaP256DecodedKey implements DecodedKey {
    private static final int P1363_LENGTH = 64;
    private static final byte DER_SEQUENCE = 0x30;
    private static final String DER_ALGORITHM = "SHA256withECDSA";
    private static final String P1363_ALGORITHM = "SHA256withPLAIN-ECDSA";

    private final PublicKey key;

    EcdsaP256DecodedKey(PublicKey key) {
        this.key = key;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ECDSA_P256_SHA256;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        // A 64-byte value can in rare cases also be well-formed DER, so try both encodings.
        if (signature.length == P1363_LENGTH && verifyWith(P1363_ALGORITHM, message, signature)) {
            return true;
        }
        return signature.length > 0 && signature[0] == DER_SEQUENCE && verifyWith(DER_ALGORITHM, message, signature);
    }

    private boolean verifyWith(String algorithm, byte[] message, byte[] signature) {
        Signature verifier = BouncyCastle.signature(algorithm);
        try {
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Malformed DER or out-of-range r/s: an invalid signature, not an error.
            return false;
        }
    }
}
