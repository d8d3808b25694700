package dev.idea.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kms.KeyRef;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalKmsTest {
    static final Bytes DATA = Bytes.utf8("DSSEv1 4 test 5 hello");
    /** RFC 8032 section 7.1, TEST 1. */
    static final String TEST1_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String TEST1_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String TEST1_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private final LocalKms kms = LocalKms.inMemory();

    /** Verifies with the JDK's own providers, independently of BouncyCastle. */
    static boolean jdkVerify(VerificationKey key, Bytes data, Bytes signature) throws Exception {
        boolean ed = key.algorithm() == SignatureAlgorithm.ED25519;
        PublicKey publicKey = KeyFactory.getInstance(ed ? "Ed25519" : "EC").generatePublic(new X509EncodedKeySpec(key.spki().toByteArray()));
        Signature verifier = Signature.getInstance(ed ? "Ed25519" : "SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(data.toByteArray());
        return verifier.verify(signature.toByteArray());
    }

    @Test
    void sign_ed25519Key_verifiesWithJdk() throws Exception {
        VerificationKey key = kms.createKey(KeyRef.of("ed"), SignatureAlgorithm.ED25519);
        Bytes sig = kms.sign(KeyRef.of("ed"), DATA);
        assertEquals(64, sig.size());
        assertTrue(jdkVerify(key, DATA, sig));
        assertFalse(jdkVerify(key, Bytes.utf8("other"), sig));
        assertEquals(SignatureAlgorithm.ED25519, kms.algorithm(KeyRef.of("ed")));
        assertEquals(key, kms.publicKey(KeyRef.of("ed")));
    }

    @Test
    void sign_ecdsaKey_verifiesWithJdkAndIsDeterministicDer() throws Exception {
        VerificationKey key = kms.createKey(KeyRef.of("ec"), SignatureAlgorithm.ECDSA_P256_SHA256);
        Bytes sig = kms.sign(KeyRef.of("ec"), DATA);
        assertEquals(0x30, sig.get(0) & 0xff, "DER SEQUENCE");
        assertTrue(jdkVerify(key, DATA, sig));
        assertEquals(sig, kms.sign(KeyRef.of("ec"), DATA), "RFC 6979 nonces are deterministic");
        assertNotEquals(sig, kms.sign(KeyRef.of("ec"), Bytes.utf8("other")));
    }

    @Test
    void createKey_ecdsa_spkiIsNamedCurveUncompressedLikeJdk() throws Exception {
        VerificationKey key = kms.createKey(KeyRef.of("ec"), SignatureAlgorithm.ECDSA_P256_SHA256);
        PublicKey jdk = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.spki().toByteArray()));
        assertEquals(key.spki(), Bytes.of(jdk.getEncoded()));
        assertEquals(91, key.spki().size());
    }

    @Test
    void insecureCreateEd25519KeyFromSeed_rfc8032Test1_givesPublishedKeyAndSignature() {
        VerificationKey key = kms.insecureCreateEd25519KeyFromSeed(KeyRef.of("t1"), Bytes.fromHex(TEST1_SECRET));
        assertEquals("302a300506032b6570032100" + TEST1_PUBLIC, key.spki().hex());
        assertEquals(TEST1_SIGNATURE, kms.sign(KeyRef.of("t1"), Bytes.empty()).hex());
    }

    @Test
    void insecureCreateEd25519KeyFromSeed_wrongLength_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> kms.insecureCreateEd25519KeyFromSeed(KeyRef.of("x"), Bytes.of(new byte[31])));
    }

    @Test
    void createKey_existingRef_refuses() {
        kms.createKey(KeyRef.of("a"), SignatureAlgorithm.ED25519);
        var e = assertThrows(ConfigurationException.class, () -> kms.createKey(KeyRef.of("a"), SignatureAlgorithm.ECDSA_P256_SHA256));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertEquals(SignatureAlgorithm.ED25519, kms.algorithm(KeyRef.of("a")));
    }

    @Test
    void sign_unknownRef_throwsKeyNotFoundNamingRefAndExistingRefs() {
        kms.createKey(KeyRef.of("b"), SignatureAlgorithm.ED25519);
        kms.createKey(KeyRef.of("a"), SignatureAlgorithm.ED25519);
        var e = assertThrows(ProviderException.class, () -> kms.sign(KeyRef.of("missing"), DATA));
        assertEquals(ErrorCode.KEY_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("\"missing\""), e.getMessage());
        assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
        assertEquals(List.of(KeyRef.of("a"), KeyRef.of("b")), kms.keyRefs());
    }

    @Test
    void inMemoryWithGenerateMissing_unknownRef_createsKeyOnce() throws Exception {
        LocalKms generating = LocalKms.inMemory(SignatureAlgorithm.ECDSA_P256_SHA256);
        VerificationKey key = generating.publicKey(KeyRef.of("fresh"));
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, key.algorithm());
        assertEquals(key, generating.publicKey(KeyRef.of("fresh")));
        assertTrue(jdkVerify(key, DATA, generating.sign(KeyRef.of("fresh"), DATA)));
    }

    @Test
    void importPem_jdkEcKey_signsVerifiably() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        VerificationKey key = kms.importPem(KeyRef.of("imported"), pem(pair.getPrivate().getEncoded()));
        assertEquals(Bytes.of(pair.getPublic().getEncoded()), key.spki());
        assertTrue(jdkVerify(key, DATA, kms.sign(KeyRef.of("imported"), DATA)));
    }

    @Test
    void importPem_jdkEd25519Key_signsVerifiably() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerificationKey key = kms.importPem(KeyRef.of("imported"), pem(pair.getPrivate().getEncoded()));
        assertEquals(Bytes.of(pair.getPublic().getEncoded()), key.spki());
        assertTrue(jdkVerify(key, DATA, kms.sign(KeyRef.of("imported"), DATA)));
    }

    @Test
    void importPem_rfc8410Example_importsEd25519() {
        // RFC 8410 section 10.3, example Ed25519 private key.
        VerificationKey key = kms.importPem(KeyRef.of("rfc8410"),
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n");
        assertEquals(SignatureAlgorithm.ED25519, key.algorithm());
    }

    @Test
    void importPem_rsaKey_refusesAsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String pem = pem(generator.generateKeyPair().getPrivate().getEncoded());
        var e = assertThrows(ConfigurationException.class, () -> kms.importPem(KeyRef.of("rsa"), pem));
        assertEquals(ErrorCode.ALGORITHM_UNSUPPORTED, e.errorCode());
    }

    @Test
    void importPem_p384Key_refusesAsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        String pem = pem(generator.generateKeyPair().getPrivate().getEncoded());
        var e = assertThrows(ConfigurationException.class, () -> kms.importPem(KeyRef.of("p384"), pem));
        assertEquals(ErrorCode.ALGORITHM_UNSUPPORTED, e.errorCode());
    }

    @Test
    void importPem_garbage_refusesWithTypedErrors() {
        var armor = assertThrows(FormatException.class, () -> kms.importPem(KeyRef.of("x"), "not pem"));
        assertEquals(ErrorCode.ENCODING_INVALID, armor.errorCode());
        var sec1 = assertThrows(FormatException.class, () -> kms.importPem(KeyRef.of("x"),
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"));
        assertTrue(sec1.getMessage().contains("openssl pkcs8 -topk8"), sec1.getMessage());
        var der = assertThrows(ConfigurationException.class, () -> kms.importPem(KeyRef.of("x"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
        assertEquals(ErrorCode.KEY_INVALID, der.errorCode());
        assertFalse(kms.keyRefs().contains(KeyRef.of("x")));
    }

    static String pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
