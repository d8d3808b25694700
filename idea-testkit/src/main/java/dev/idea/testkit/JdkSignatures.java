package dev.idea.testkit;

import dev.idea.api.Bytes;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * Key generation, signing and verification with the JDK's own providers, independent of IDEA's
 * crypto code, so that fakes and contract kits check signatures with a second implementation.
 *
 * <p>Ed25519 uses the JDK algorithm {@code Ed25519}; ECDSA P-256 uses {@code SHA256withECDSA}
 * (ASN.1 DER signatures) and, where stated, {@code SHA256withECDSAinP1363Format}. These are slow
 * compared with BouncyCastle, which does not matter in tests. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class JdkSignatures {

    private JdkSignatures() {
    }

    /**
     * Generates a fresh key pair.
     *
     * @param algorithm Ed25519 or ECDSA P-256
     * @return the key pair
     */
    public static KeyPair generate(SignatureAlgorithm algorithm) {
        try {
            if (algorithm == SignatureAlgorithm.ED25519) {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + algorithm.id() + " key", e);
        }
    }

    /**
     * Wraps a JDK public key as a {@link VerificationKey}.
     *
     * @param algorithm the algorithm to pin
     * @param publicKey the key
     * @return the key's SPKI with its algorithm
     */
    public static VerificationKey verificationKey(SignatureAlgorithm algorithm, PublicKey publicKey) {
        return new VerificationKey(algorithm, Bytes.of(publicKey.getEncoded()));
    }

    /**
     * Signs data: pure Ed25519, or ECDSA P-256 with SHA-256 and a DER signature.
     *
     * @param algorithm the key's algorithm
     * @param privateKey the key
     * @param data the bytes to sign
     * @return the signature
     */
    public static Bytes sign(SignatureAlgorithm algorithm, PrivateKey privateKey, Bytes data) {
        try {
            Signature signature = Signature.getInstance(jcaName(algorithm));
            signature.initSign(privateKey);
            signature.update(data.toByteArray());
            return Bytes.of(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with a " + algorithm.id() + " key", e);
        }
    }

    /**
     * Verifies a signature strictly as the KMS SPI defines it: pure Ed25519, or ECDSA P-256 with a
     * DER signature.
     *
     * @param key the public key
     * @param data the signed bytes
     * @param sig the signature
     * @return whether the signature verifies
     * @throws IllegalArgumentException when the SPKI cannot be decoded as a key of its algorithm
     */
    public static boolean verify(VerificationKey key, Bytes data, Bytes sig) {
        return verifyWith(jcaName(key.algorithm()), decode(key), data, sig);
    }

    /**
     * Verifies a signature as DSSE envelopes accept it: like {@link #verify}, but an ECDSA signature
     * may also be in the 64-byte IEEE P1363 form {@code r || s}.
     *
     * @param key the public key
     * @param data the signed bytes
     * @param sig the signature
     * @return whether the signature verifies
     * @throws IllegalArgumentException when the SPKI cannot be decoded as a key of its algorithm
     */
    public static boolean verifyDerOrP1363(VerificationKey key, Bytes data, Bytes sig) {
        PublicKey publicKey = decode(key);
        if (verifyWith(jcaName(key.algorithm()), publicKey, data, sig)) {
            return true;
        }
        return key.algorithm() == SignatureAlgorithm.ECDSA_P256_SHA256 && sig.size() == 64
                && verifyWith("SHA256withECDSAinP1363Format", publicKey, data, sig);
    }

    /**
     * Decodes the SPKI of a key with the JDK and checks it is a key of the pinned algorithm (for
     * ECDSA, on curve P-256).
     *
     * @param key the key
     * @return the JDK public key
     * @throws IllegalArgumentException when the bytes are not such a key
     */
    public static PublicKey decode(VerificationKey key) {
        Objects.requireNonNull(key, "key");
        boolean ed25519 = key.algorithm() == SignatureAlgorithm.ED25519;
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance(ed25519 ? "Ed25519" : "EC")
                    .generatePublic(new X509EncodedKeySpec(key.spki().toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("SPKI " + key.spki() + " is not a " + key.algorithm().id() + " key", e);
        }
        if (!ed25519 && !isP256((ECPublicKey) publicKey)) {
            throw new IllegalArgumentException("SPKI " + key.spki() + " is an EC key, but not on curve P-256");
        }
        return publicKey;
    }

    private static boolean isP256(ECPublicKey key) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
            ECParameterSpec actual = key.getParams();
            return actual.getOrder().equals(p256.getOrder()) && actual.getCurve().equals(p256.getCurve())
                    && actual.getGenerator().equals(p256.getGenerator());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know curve secp256r1", e);
        }
    }

    private static boolean verifyWith(String jcaName, PublicKey publicKey, Bytes data, Bytes sig) {
        try {
            Signature signature = Signature.getInstance(jcaName);
            signature.initVerify(publicKey);
            signature.update(data.toByteArray());
            return signature.verify(sig.toByteArray());
        } catch (java.security.SignatureException e) {
            return false; // malformed signature encoding: does not verify
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot verify with " + jcaName, e);
        }
    }

    private static String jcaName(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.ED25519 ? "Ed25519" : "SHA256withECDSA";
    }
}
