package dev.idea.core.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.impl.RSASSA;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.idea.api.Bytes;
import dev.idea.api.IdeaException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.core.internal.crypto.SignatureVerifier;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One verification key of a JWKS, with the JWS algorithms it may verify: the JWK's {@code alg} when
 * it has one, otherwise the algorithms of its key type and curve. The token never widens that set.
 *
 * <p>RSA keys (at least 2048 bits) verify with the JCA signature nimbus-jose-jwt's {@link RSASSA}
 * maps the algorithm to (JDK provider); ECDSA P-256 and Ed25519 keys through IDEA's {@link SignatureVerifier} (BouncyCastle), with
 * the fixed 64-byte JWS signature encoding. Immutable and thread-safe.
 */
final class SigningKey {
    static final Set<String> RSA_ALGORITHMS = sorted(List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"));
    private static final int MIN_RSA_BITS = 2048;
    private static final int JWS_SIGNATURE_BYTES = 64;
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final String kid;
    private final String type;
    private final Set<String> algorithms;
    private final Check check;

    /** Verifies one signature; false for a wrong or malformed signature. */
    private interface Check {
        boolean verify(JWSAlgorithm algorithm, byte[] signingInput, byte[] signature) throws JOSEException, GeneralSecurityException;
    }

    private SigningKey(String kid, String type, Set<String> algorithms, Check check) {
        this.kid = kid;
        this.type = type;
        this.algorithms = algorithms;
        this.check = check;
    }

    /**
     * Makes a signing key of a JWK, or explains why the JWK cannot be one.
     *
     * @param jwk the JWK
     * @param skipped receives the reason when the JWK is not usable
     * @return the key, or null when skipped
     */
    static SigningKey from(JWK jwk, List<String> skipped) {
        String name = jwk.getKeyID() == null ? "(no kid)" : jwk.getKeyID();
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            skipped.add(name + ": use is " + jwk.getKeyUse().identifier() + ", not sig");
            return null;
        }
        if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
            skipped.add(name + ": key_ops " + jwk.getKeyOperations() + " lacks verify");
            return null;
        }
        try {
            KeyType kty = jwk.getKeyType();
            if (KeyType.RSA.equals(kty)) {
                return rsa(jwk.toRSAKey(), name, skipped);
            }
            if (KeyType.EC.equals(kty)) {
                return ec(jwk.toECKey(), name, skipped);
            }
            if (KeyType.OKP.equals(kty)) {
                return okp(jwk.toOctetKeyPair(), name, skipped);
            }
            skipped.add(name + ": key type " + kty + " is never used to verify tokens (symmetric keys would let the"
                    + " token choose an HMAC secret)");
        } catch (JOSEException | IdeaException | IllegalArgumentException e) {
            skipped.add(name + ": the key material cannot be decoded (" + e.getMessage() + ")");
        }
        return null;
    }

    private static SigningKey rsa(RSAKey jwk, String name, List<String> skipped) throws JOSEException {
        RSAPublicKey key = jwk.toRSAPublicKey();
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            skipped.add(name + ": RSA key of " + bits + " bits is below the minimum of " + MIN_RSA_BITS);
            return null;
        }
        Set<String> algorithms = pinned(jwk, RSA_ALGORITHMS, name, skipped);
        if (algorithms == null) {
            return null;
        }
        // nimbus maps the JWS algorithm to its JCA signature (PSS parameters included); the signature
        // itself is decoded once by the JDK's base64 (nimbus's constant-time decoder costs ~10 %).
        Check check = (algorithm, input, signature) -> {
            Signature verifier = RSASSA.getSignerAndVerifier(algorithm, null);
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        };
        return new SigningKey(jwk.getKeyID(), "RSA " + bits + "-bit", algorithms, check);
    }

    private static SigningKey ec(ECKey jwk, String name, List<String> skipped) throws JOSEException {
        if (!Curve.P_256.equals(jwk.getCurve())) {
            skipped.add(name + ": EC curve " + jwk.getCurve() + " is not supported; IDEA verifies ES256 (P-256) only");
            return null;
        }
        Set<String> algorithms = pinned(jwk, Set.of("ES256"), name, skipped);
        if (algorithms == null) {
            return null;
        }
        VerificationKey key = new VerificationKey(SignatureAlgorithm.ECDSA_P256_SHA256, Bytes.of(jwk.toECPublicKey().getEncoded()));
        SignatureVerifier.checkUsable(key);
        return new SigningKey(jwk.getKeyID(), "EC P-256", algorithms, fixedLength(key));
    }

    private static SigningKey okp(OctetKeyPair jwk, String name, List<String> skipped) {
        if (!Curve.Ed25519.equals(jwk.getCurve())) {
            skipped.add(name + ": OKP curve " + jwk.getCurve() + " is not supported; IDEA verifies Ed25519 only");
            return null;
        }
        Set<String> algorithms = pinned(jwk, Set.of("EdDSA"), name, skipped);
        if (algorithms == null) {
            return null;
        }
        byte[] x = jwk.getDecodedX();
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        VerificationKey key = new VerificationKey(SignatureAlgorithm.ED25519, Bytes.of(spki));
        SignatureVerifier.checkUsable(key);
        return new SigningKey(jwk.getKeyID(), "OKP Ed25519", algorithms, fixedLength(key));
    }

    private static Check fixedLength(VerificationKey key) {
        return (algorithm, input, signature) -> signature.length == JWS_SIGNATURE_BYTES
                && SignatureVerifier.isValid(key, Bytes.of(input), Bytes.of(signature));
    }

    /** The JWK's own alg when present (and fitting its type), else every algorithm of its type. */
    private static Set<String> pinned(JWK jwk, Set<String> ofType, String name, List<String> skipped) {
        if (jwk.getAlgorithm() == null) {
            return sorted(ofType);
        }
        String alg = jwk.getAlgorithm().getName();
        if (!ofType.contains(alg)) {
            skipped.add(name + ": its alg " + alg + " does not fit a " + jwk.getKeyType() + " key (expected one of "
                    + sorted(ofType) + ")");
            return null;
        }
        return Set.of(alg);
    }

    private static Set<String> sorted(java.util.Collection<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    String kid() {
        return kid;
    }

    String type() {
        return type;
    }

    Set<String> algorithms() {
        return algorithms;
    }

    boolean verify(JWSAlgorithm algorithm, byte[] signingInput, byte[] signature) {
        try {
            return check.verify(algorithm, signingInput, signature);
        } catch (JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature (wrong length, bad PSS encoding) is an invalid one
            return false;
        }
    }

    @Override
    public String toString() {
        return (kid == null ? "(no kid)" : kid) + " (" + type + ", alg " + String.join("/", algorithms) + ")";
    }
}
