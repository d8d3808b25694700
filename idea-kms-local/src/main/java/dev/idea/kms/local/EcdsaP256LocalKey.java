package dev.idea.kms.local;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * An ECDSA P-256 private key that signs SHA-256 digests with deterministic nonces (RFC 6979) and
 * returns ASN.1 DER signatures.
 *
 * <p>Immutable and thread-safe: each signature uses a fresh {@link ECDSASigner}.
 */
final class EcdsaP256LocalKey implements LocalKey {
    /** NIST P-256 with BouncyCastle's optimised curve arithmetic, named so that PKCS#8 and SPKI carry the OID. */
    static final ECNamedDomainParameters DOMAIN =
            new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1));

    private final ECPrivateKeyParameters privateKey;
    private final ECPoint publicPoint;
    private final VerificationKey publicKey;

    EcdsaP256LocalKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("P-256 private scalar is out of range [1, n-1]");
        }
        this.privateKey = new ECPrivateKeyParameters(d, DOMAIN);
        this.publicPoint = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
        this.publicKey = new VerificationKey(SignatureAlgorithm.ECDSA_P256_SHA256, spki(publicPoint));
    }

    static EcdsaP256LocalKey generate(SecureRandom random) {
        return new EcdsaP256LocalKey(BigIntegers.createRandomInRange(BigInteger.ONE, DOMAIN.getN().subtract(BigInteger.ONE), random));
    }

    ECPoint publicPoint() {
        return publicPoint;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ECDSA_P256_SHA256;
    }

    @Override
    public VerificationKey publicKey() {
        return publicKey;
    }

    @Override
    public Bytes sign(Bytes data) {
        MessageDigest sha256 = sha256();
        data.updateDigest(sha256);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(sha256.digest());
        try {
            return Bytes.of(StandardDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], rs[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot DER-encode an ECDSA signature", e);
        }
    }

    @Override
    public byte[] pkcs8() {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a P-256 private key as PKCS#8", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            // The JDK's SHA-256 uses the SHA-NI intrinsic; BouncyCastle's is several times slower.
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static Bytes spki(ECPoint point) {
        try {
            return Bytes.of(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new ECPublicKeyParameters(point, DOMAIN))
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a P-256 public key as SPKI", e);
        }
    }
}
