package dev.idea.api;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Something that signs a DSSE pre-authentication encoding with one key, typically a key held by a
 * KMS.
 *
 * <p>Implementations must be thread-safe if the same signer is used from several threads.
 *
 * @since 0.1
 */
public interface EnvelopeSigner {

    /**
     * Returns the key id hint to put into the envelope.
     *
     * @return the hint, may be empty
     */
    String keyId();

    /**
     * Signs the PAE bytes.
     *
     * @param pae the bytes to sign
     * @return the signature (Ed25519: 64 bytes; ECDSA: DER)
     */
    Bytes sign(Bytes pae);

    /**
     * Adapts a signing function.
     *
     * @param keyId the hint
     * @param signature the function from PAE to signature
     * @return the signer
     */
    static EnvelopeSigner of(String keyId, UnaryOperator<Bytes> signature) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        return new EnvelopeSigner() {
            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public Bytes sign(Bytes pae) {
                return signature.apply(pae);
            }
        };
    }
}
