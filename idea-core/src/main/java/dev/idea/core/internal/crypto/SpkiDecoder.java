package dev.idea.core.internal.crypto;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECCurve;

/**
 * Decodes DER SubjectPublicKeyInfo structures into {@link DecodedKey}s, accepting exactly the
 * encodings IDEA signs with.
 *
 * <p>Security guarantees: only canonical DER is accepted (re-encoding must give the same bytes,
 * trailing bytes are refused), Ed25519 keys must have absent parameters (RFC 8410) and a point
 * BouncyCastle validates, EC keys must name P-256 and carry an uncompressed point on the curve.
 * Because each key has exactly one accepted encoding, comparing SPKI bytes compares keys, which
 * threshold counting relies on. Stateless and thread-safe.
 */
final class SpkiDecoder {
    static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");
    static final ASN1ObjectIdentifier EC_PUBLIC_KEY_OID = X9ObjectIdentifiers.id_ecPublicKey;
    static final ASN1ObjectIdentifier P256_OID = SECObjectIdentifiers.secp256r1;

    private static final int ED25519_KEY_LENGTH = 32;
    private static final int P256_UNCOMPRESSED_LENGTH = 65;
    private static final byte UNCOMPRESSED = 0x04;
    private static final ECCurve P256_CURVE = CustomNamedCurves.getByOID(P256_OID).getCurve();

    private SpkiDecoder() {
    }

    static DecodedKey decode(Bytes spki) {
        byte[] der = spki.toByteArray();
        SubjectPublicKeyInfo info = parse(der);
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        if (ED25519_OID.equals(oid)) {
            return decodeEd25519(info);
        }
        if (EC_PUBLIC_KEY_OID.equals(oid)) {
            return decodeEcdsaP256(info, der);
        }
        throw new VerificationException(ErrorCode.ALGORITHM_UNSUPPORTED, "public key algorithm OID " + oid.getId()
                + " is not supported; use an Ed25519 key (OID " + ED25519_OID.getId() + ") or an EC P-256 key (OID "
                + EC_PUBLIC_KEY_OID.getId() + " with curve " + P256_OID.getId() + ")");
    }

    private static SubjectPublicKeyInfo parse(byte[] der) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw invalid("is not a DER SubjectPublicKeyInfo (" + e.getMessage() + ")", e);
        }
        if (info == null) {
            throw invalid("is empty", null);
        }
        try {
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                throw invalid("is not in canonical DER; re-encode it with a standard tool (e.g. openssl pkey -pubout)", null);
            }
        } catch (IOException e) {
            throw invalid("cannot be re-encoded (" + e.getMessage() + ")", e);
        }
        return info;
    }

    private static DecodedKey decodeEd25519(SubjectPublicKeyInfo info) {
        if (info.getAlgorithm().getParameters() != null) {
            throw invalid("is an Ed25519 key with algorithm parameters; RFC 8410 requires them to be absent", null);
        }
        byte[] point = keyBits(info, ED25519_KEY_LENGTH, "Ed25519");
        try {
            return new Ed25519DecodedKey(new Ed25519PublicKeyParameters(point));
        } catch (IllegalArgumentException e) {
            throw invalid("holds " + hex(point) + ", which is not a valid Ed25519 point", e);
        }
    }

    private static DecodedKey decodeEcdsaP256(SubjectPublicKeyInfo info, byte[] der) {
        ASN1Encodable parameters = info.getAlgorithm().getParameters();
        if (!P256_OID.equals(parameters)) {
            String curve = parameters instanceof ASN1ObjectIdentifier
                    ? "named curve " + ((ASN1ObjectIdentifier) parameters).getId() : "explicit or missing curve parameters";
            throw new VerificationException(ErrorCode.ALGORITHM_UNSUPPORTED, "EC public key uses " + curve
                    + "; only NIST P-256 (named curve " + P256_OID.getId() + ") is supported");
        }
        byte[] point = keyBits(info, P256_UNCOMPRESSED_LENGTH, "uncompressed P-256");
        if (point[0] != UNCOMPRESSED) {
            throw invalid("holds a P-256 point that is not in uncompressed form (first byte 0x"
                    + String.format("%02x", point[0]) + "); encode the point uncompressed (0x04 || x || y)", null);
        }
        try {
            if (!P256_CURVE.decodePoint(point).isValid()) {
                throw invalid("holds a point that is not on P-256", null);
            }
            PublicKey key = BouncyCastle.keyFactory("EC").generatePublic(new X509EncodedKeySpec(der));
            return new EcdsaP256DecodedKey(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("holds a point that is not on P-256 (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] keyBits(SubjectPublicKeyInfo info, int length, String what) {
        if (info.getPublicKeyData().getPadBits() != 0) {
            throw invalid("has a key bit string with unused bits; a " + what + " key is whole bytes", null);
        }
        byte[] bits = info.getPublicKeyData().getOctets();
        if (bits.length != length) {
            throw invalid("has a " + bits.length + "-byte key; a " + what + " key is " + length + " bytes", null);
        }
        return bits;
    }

    private static VerificationException invalid(String what, Throwable cause) {
        return new VerificationException(ErrorCode.KEY_INVALID, "public key " + what
                + "; pass a DER SubjectPublicKeyInfo of an Ed25519 or EC P-256 key", cause);
    }

    private static String hex(byte[] bytes) {
        return Bytes.of(bytes).hex();
    }
}
