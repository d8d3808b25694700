package dev.idea.spi.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.VerificationKey;

/**
 * A key a kernel may sign with, backed by the configured KMS; the kernel never sees the private key.
 *
 * @since 0.1
 */
public interface SigningKey {

    /**
     * Returns the public half.
     *
     * @return the verification key
     */
    VerificationKey publicKey();

    /**
     * Signs bytes with the KMS.
     *
     * @param data the bytes
     * @return the signature
     */
    Bytes sign(Bytes data);
}
