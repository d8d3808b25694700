package dev.idea.core.audit;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/** A fresh Ed25519 key (JDK provider) that is not {@link SeededEd25519Key}. Tests only. */
final class OtherEd25519Key implements SigningKey {
    private final KeyPair pair;

    OtherEd25519Key() {
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public VerificationKey publicKey() {
        return new VerificationKey(SignatureAlgorithm.ED25519, Bytes.of(pair.getPublic().getEncoded()));
    }

    @Override
    public Bytes sign(Bytes data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(data.toByteArray());
            return Bytes.of(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
