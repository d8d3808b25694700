package dev.idea.kms.local;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (RFC 8032, pure Ed25519) held as BouncyCastle lightweight parameters.
 *
 * <p>Immutable and thread-safe. The public point is computed once, at construction, so that a
 * signature costs one BouncyCastle Ed25519 sign and two small copies.
 */
final class Ed25519LocalKey implements LocalKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final VerificationKey publicKey;

    Ed25519LocalKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        // BouncyCastle caches the generated public key inside the parameters, so sign() reuses it.
        this.publicKey = new VerificationKey(SignatureAlgorithm.ED25519, spki(privateKey.generatePublicKey()));
    }

    static Ed25519LocalKey fromSeed(byte[] seed) {
        return new Ed25519LocalKey(new Ed25519PrivateKeyParameters(seed));
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ED25519;
    }

    @Override
    public VerificationKey publicKey() {
        return publicKey;
    }

    @Override
    public Bytes sign(Bytes data) {
        byte[] message = data.toByteArray();
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return Bytes.of(signature);
    }

    @Override
    public byte[] pkcs8() {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an Ed25519 private key as PKCS#8", e);
        }
    }

    private static Bytes spki(Ed25519PublicKeyParameters point) {
        try {
            return Bytes.of(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(point).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an Ed25519 public key as SPKI", e);
        }
    }
}
