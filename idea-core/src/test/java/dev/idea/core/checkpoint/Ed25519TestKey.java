package dev.idea.core.checkpoint;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

/** An Ed25519 signing key held in memory by the JDK, for tests only. */
final class Ed25519TestKey implements SigningKey {
    private final PrivateKey privateKey;
    private final VerificationKey publicKey;

    private Ed25519TestKey(PrivateKey privateKey, VerificationKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static Ed25519TestKey generate() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Ed25519TestKey(pair.getPrivate(), spki(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key from its 32-byte RFC 8032 seed and its 32-byte public key. */
    static Ed25519TestKey fromSeed(byte[] seed, byte[] rawPublic) {
        try {
            PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(rawPublic));
            return new Ed25519TestKey(priv, new VerificationKey(SignatureAlgorithm.ED25519, Bytes.of(spki)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerificationKey spki(PublicKey key) {
        return new VerificationKey(SignatureAlgorithm.ED25519, Bytes.of(key.getEncoded()));
    }

    @Override
    public VerificationKey publicKey() {
        return publicKey;
    }

    @Override
    public Bytes sign(Bytes data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data.toByteArray());
            return Bytes.of(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
