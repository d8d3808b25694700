package dev.idea.kms.local;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.ECPoint;

/** Static helpers that read and write unencrypted PKCS#8 {@code PRIVATE KEY} PEM blocks. */
final class Pkcs8Support {
    static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final int LINE_LENGTH = 64;

    private Pkcs8Support() {
    }

    /** Parses PEM text; {@code source} names where it came from, for messages. */
    static LocalKey parsePem(String pem, String source) {
        byte[] der = pemBody(pem, source);
        try {
            return parseDer(der, source);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    static String toPem(LocalKey key) {
        byte[] der = key.pkcs8();
        String base64 = Base64.getEncoder().encodeToString(der);
        Arrays.fill(der, (byte) 0);
        StringBuilder out = new StringBuilder(base64.length() + 80);
        out.append(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_LENGTH) {
            out.append(base64, i, Math.min(base64.length(), i + LINE_LENGTH)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    static byte[] toPemBytes(LocalKey key) {
        return toPem(key).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pemBody(String pem, String source) {
        String text = pem.strip();
        if (text.startsWith("-----BEGIN EC PRIVATE KEY-----") || text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new FormatException(ErrorCode.ENCODING_INVALID, source + " holds a SEC1 or encrypted private key;"
                    + " convert it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem");
        }
        if (!text.startsWith(BEGIN) || !text.endsWith(END) || text.length() < BEGIN.length() + END.length()) {
            throw new FormatException(ErrorCode.ENCODING_INVALID, source + " is not one PEM block between \""
                    + BEGIN + "\" and \"" + END + "\"");
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("[ \\t\\r\\n]", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new FormatException(ErrorCode.ENCODING_INVALID, source + " does not hold standard base64 between its PEM"
                    + " lines (" + e.getMessage() + ")", e);
        }
    }

    private static LocalKey parseDer(byte[] der, String source) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw invalid(source, "is not a DER PKCS#8 PrivateKeyInfo (" + e.getMessage() + ")", e);
        }
        if (info == null) {
            throw invalid(source, "is empty", null);
        }
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (ED25519_OID.equals(oid)) {
            return parseEd25519(info, source);
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return parseEcdsaP256(info, source);
        }
        throw new ConfigurationException(ErrorCode.ALGORITHM_UNSUPPORTED, source + " holds a private key with algorithm OID "
                + oid.getId() + "; the local KMS supports Ed25519 (" + ED25519_OID.getId() + ") and EC P-256 ("
                + X9ObjectIdentifiers.id_ecPublicKey.getId() + " with curve " + SECObjectIdentifiers.secp256r1.getId() + ")");
    }

    private static LocalKey parseEd25519(PrivateKeyInfo info, String source) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw invalid(source, "holds a malformed Ed25519 private key (" + e.getMessage() + ")", e);
        }
        return new Ed25519LocalKey((Ed25519PrivateKeyParameters) key);
    }

    private static LocalKey parseEcdsaP256(PrivateKeyInfo info, String source) {
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        if (!SECObjectIdentifiers.secp256r1.equals(curve)) {
            throw new ConfigurationException(ErrorCode.ALGORITHM_UNSUPPORTED, source + " holds an EC key on "
                    + (curve instanceof ASN1ObjectIdentifier ? "curve " + ((ASN1ObjectIdentifier) curve).getId()
                    : "explicit or missing curve parameters") + "; the local KMS supports only the named curve P-256 ("
                    + SECObjectIdentifiers.secp256r1.getId() + ")");
        }
        EcdsaP256LocalKey key;
        ASN1BitString embeddedPublic;
        try {
            ECPrivateKey ec = ECPrivateKey.getInstance(info.parsePrivateKey());
            BigInteger d = ec.getKey();
            embeddedPublic = ec.getPublicKey();
            key = new EcdsaP256LocalKey(d);
        } catch (IOException | RuntimeException e) {
            throw invalid(source, "holds a malformed P-256 private key (" + e.getMessage() + ")", e);
        }
        if (embeddedPublic != null) {
            ECPoint embedded;
            try {
                embedded = EcdsaP256LocalKey.DOMAIN.getCurve().decodePoint(embeddedPublic.getOctets());
            } catch (RuntimeException e) {
                throw invalid(source, "embeds a public key that is not a P-256 point", e);
            }
            if (!embedded.equals(key.publicPoint())) {
                throw invalid(source, "embeds a public key that does not belong to its private key", null);
            }
        }
        return key;
    }

    private static ConfigurationException invalid(String source, String what, Throwable cause) {
        return new ConfigurationException(ErrorCode.KEY_INVALID, source + " " + what
                + "; provide an unencrypted PKCS#8 Ed25519 or P-256 key (openssl genpkey -algorithm ed25519)", cause);
    }
}
