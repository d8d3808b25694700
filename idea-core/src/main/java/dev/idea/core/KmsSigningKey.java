package dev.idea.core;

import dev.idea.api.Bytes;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.Kms;

/**
 * Lets a kernel sign with one KMS key without seeing it. The public key is read once, at start-up.
 */
final class KmsSigningKey implements SigningKey {
    private final Kms kms;
    private final KeyRef ref;
    private final VerificationKey publicKey;

    KmsSigningKey(Kms kms, KeyRef ref) {
        this.kms = kms;
        this.ref = ref;
        this.publicKey = kms.publicKey(ref);
    }

    @Override
    public VerificationKey publicKey() {
        return publicKey;
    }

    @Override
    public Bytes sign(Bytes data) {
        return kms.sign(ref, data);
    }
}
