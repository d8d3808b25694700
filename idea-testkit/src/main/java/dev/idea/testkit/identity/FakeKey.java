package dev.idea.testkit.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One signing key of the fake provider: its kid, algorithm and JDK key pair. Immutable. */
final class FakeKey {
    private static final int ED25519_SPKI_PREFIX = 12;

    private final String kid;
    private final JwsAlgorithm algorithm;
    private final KeyPair keyPair;

    private FakeKey(String kid, JwsAlgorithm algorithm, KeyPair keyPair) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.keyPair = keyPair;
    }

    static FakeKey generate(String kid, JwsAlgorithm algorithm) {
        try {
            KeyPairGenerator generator;
            switch (algorithm) {
                case RS256 -> {
                    generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                }
                case ES256 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                default -> generator = KeyPairGenerator.getInstance("Ed25519");
            }
            return new FakeKey(kid, algorithm, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate a " + algorithm + " key", e);
        }
    }

    String kid() {
        return kid;
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    PublicKey publicKey() {
        return keyPair.getPublic();
    }

    byte[] publicKeySpki() {
        return keyPair.getPublic().getEncoded();
    }

    byte[] sign(byte[] input) {
        String name = switch (algorithm) {
            case RS256 -> "SHA256withRSA";
            case ES256 -> "SHA256withECDSAinP1363Format";
            case EDDSA -> "Ed25519";
        };
        try {
            Signature signature = Signature.getInstance(name);
            signature.initSign(keyPair.getPrivate());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + name + " failed", e);
        }
    }

    Map<String, Object> jwk(boolean withAlg) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        switch (algorithm) {
            case RS256 -> {
                RSAPublicKey rsa = (RSAPublicKey) keyPair.getPublic();
                jwk.put("kty", "RSA");
                jwk.put("n", JsonSupport.base64Url(unsigned(rsa.getModulus(), 0)));
                jwk.put("e", JsonSupport.base64Url(unsigned(rsa.getPublicExponent(), 0)));
            }
            case ES256 -> {
                ECPublicKey ec = (ECPublicKey) keyPair.getPublic();
                jwk.put("kty", "EC");
                jwk.put("crv", "P-256");
                jwk.put("x", JsonSupport.base64Url(unsigned(ec.getW().getAffineX(), 32)));
                jwk.put("y", JsonSupport.base64Url(unsigned(ec.getW().getAffineY(), 32)));
            }
            case EDDSA -> {
                byte[] spki = publicKeySpki();
                jwk.put("kty", "OKP");
                jwk.put("crv", "Ed25519");
                jwk.put("x", JsonSupport.base64Url(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length)));
            }
            default -> throw new IllegalStateException(algorithm.name());
        }
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        if (withAlg) {
            jwk.put("alg", algorithm.jwsName());
        }
        return jwk;
    }

    /** Big-endian magnitude without a sign byte, left-padded to {@code length} when it is positive. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length >= length) {
            return bytes;
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }
}
