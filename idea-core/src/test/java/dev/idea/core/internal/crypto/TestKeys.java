package dev.idea.core.internal.crypto;

import dev.idea.api.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Builds keys and signatures for tests, independently of the code under test (JDK providers). */
public final class TestKeys {
    /** RFC 8410 section 4: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) } prefix. */
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";
    private static final ECNamedDomainParameters P256 =
            new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1));

    private TestKeys() {
    }

    public static Bytes ed25519Spki(String publicKeyHex) {
        return Bytes.fromHex(ED25519_SPKI_PREFIX + publicKeyHex);
    }

    public static Bytes p256Spki(BigInteger x, BigInteger y) {
        var point = P256.getCurve().createPoint(x, y);
        try {
            return Bytes.of(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new ECPublicKeyParameters(point, P256))
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps a P-256 private scalar as an unencrypted PKCS#8 PEM block. */
    public static String p256Pkcs8Pem(BigInteger d) {
        try {
            byte[] der = PrivateKeyInfoFactory.createPrivateKeyInfo(new ECPrivateKeyParameters(d, P256)).getEncoded(ASN1Encoding.DER);
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KeyPair jdkP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Bytes jdkSign(String algorithm, KeyPair pair, Bytes message) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(pair.getPrivate());
            signer.update(message.toByteArray());
            return Bytes.of(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Converts a DER ECDSA P-256 signature to IEEE P1363 r || s. */
    public static Bytes derToP1363(Bytes der) {
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(P256.getN(), der.toByteArray());
            byte[] out = new byte[64];
            byte[] r = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, rs[0]);
            byte[] s = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, rs[1]);
            System.arraycopy(r, 0, out, 0, 32);
            System.arraycopy(s, 0, out, 32, 32);
            return Bytes.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Bytes flipBit(Bytes bytes, int bit) {
        byte[] copy = bytes.toByteArray();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return Bytes.of(copy);
    }
}
