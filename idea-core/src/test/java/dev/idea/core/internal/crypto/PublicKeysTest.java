package dev.idea.core.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class PublicKeysTest {
    private static final String RFC8032_TEST1_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void fromSpki_ed25519Spki_detectsEd25519() {
        VerificationKey key = PublicKeys.fromSpki(TestKeys.ed25519Spki(RFC8032_TEST1_PUBLIC));
        assertEquals(SignatureAlgorithm.ED25519, key.algorithm());
    }

    @Test
    void fromSpki_jdkP256Key_detectsEcdsa() {
        Bytes spki = Bytes.of(TestKeys.jdkP256().getPublic().getEncoded());
        VerificationKey key = PublicKeys.fromSpki(spki);
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, key.algorithm());
        assertEquals(spki, key.spki());
    }

    @Test
    void fromSpki_jdkEd25519Key_detectsEd25519() throws Exception {
        Bytes spki = Bytes.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        assertEquals(SignatureAlgorithm.ED25519, PublicKeys.fromSpki(spki).algorithm());
    }

    @Test
    void fromSpki_p384Key_refusesAsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        Bytes spki = Bytes.of(generator.generateKeyPair().getPublic().getEncoded());
        var e = assertThrows(VerificationException.class, () -> PublicKeys.fromSpki(spki));
        assertEquals(ErrorCode.ALGORITHM_UNSUPPORTED, e.errorCode());
        assertTrue(e.getMessage().contains("1.3.132.0.34"), e.getMessage());
    }

    @Test
    void fromSpki_rsaKey_refusesAsUnsupported() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Bytes spki = Bytes.of(generator.generateKeyPair().getPublic().getEncoded());
        var e = assertThrows(VerificationException.class, () -> PublicKeys.fromSpki(spki));
        assertEquals(ErrorCode.ALGORITHM_UNSUPPORTED, e.errorCode());
        assertTrue(e.getMessage().contains("1.2.840.113549.1.1.1"), e.getMessage());
    }

    @Test
    void fromSpki_garbage_refusesAsInvalid() {
        assertKeyInvalid(Bytes.fromHex("00010203"));
        assertKeyInvalid(Bytes.fromHex("3000"));
    }

    @Test
    void fromSpki_trailingByte_refusesAsInvalid() {
        assertKeyInvalid(Bytes.fromHex(TestKeys.ed25519Spki(RFC8032_TEST1_PUBLIC).hex() + "00"));
    }

    @Test
    void fromSpki_ed25519WrongLength_refusesAsInvalid() {
        // BIT STRING of 32 bytes + unused-bits byte, declared as 31 key bytes.
        assertKeyInvalid(Bytes.fromHex("3029300506032b6570032000" + RFC8032_TEST1_PUBLIC.substring(2)));
    }

    @Test
    void fromSpki_ed25519WithParameters_refusesAsInvalid() {
        // AlgorithmIdentifier with an explicit NULL parameter, which RFC 8410 forbids.
        assertKeyInvalid(Bytes.fromHex("302c300706032b65700500032100" + RFC8032_TEST1_PUBLIC));
    }

    @Test
    void fromSpki_p256PointOffCurve_refusesAsInvalid() {
        byte[] spki = TestKeys.jdkP256().getPublic().getEncoded();
        spki[spki.length - 1] ^= 1;
        assertKeyInvalid(Bytes.of(spki));
    }

    @Test
    void fromSpki_p256CompressedPoint_refusesAsInvalid() {
        byte[] spki = TestKeys.jdkP256().getPublic().getEncoded();
        // Same structure but claim compressed form: the decoder must not accept a second encoding.
        spki[spki.length - 65] = 0x02;
        assertKeyInvalid(Bytes.of(spki));
    }

    @Test
    void toPem_ecKey_writes64CharacterLinesAndTrailingNewline() {
        VerificationKey key = PublicKeys.fromSpki(Bytes.of(TestKeys.jdkP256().getPublic().getEncoded()));
        String pem = PublicKeys.toPem(key);
        String[] lines = pem.split("\n", -1);
        assertEquals("-----BEGIN PUBLIC KEY-----", lines[0]);
        assertEquals(64, lines[1].length());
        assertEquals("-----END PUBLIC KEY-----", lines[lines.length - 2]);
        assertEquals("", lines[lines.length - 1]);
        assertTrue(pem.endsWith("-----END PUBLIC KEY-----\n"));
        assertEquals(key, PublicKeys.fromPem(pem));
    }

    @Test
    void fromPem_rfc8410Example_decodesEd25519() {
        // RFC 8410 section 10.1, example Ed25519 public key.
        String pem = "-----BEGIN PUBLIC KEY-----\r\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\r\n-----END PUBLIC KEY-----\r\n";
        VerificationKey key = PublicKeys.fromPem(pem);
        assertEquals(SignatureAlgorithm.ED25519, key.algorithm());
        assertEquals("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n",
                PublicKeys.toPem(key));
    }

    @Test
    void fromPem_wrongLabel_refusesAsEncodingInvalid() {
        var e = assertThrows(FormatException.class, () -> PublicKeys.fromPem(
                "-----BEGIN PRIVATE KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PRIVATE KEY-----\n"));
        assertEquals(ErrorCode.ENCODING_INVALID, e.errorCode());
    }

    @Test
    void fromPem_badBase64_refusesAsEncodingInvalid() {
        var e = assertThrows(FormatException.class, () -> PublicKeys.fromPem(
                "-----BEGIN PUBLIC KEY-----\nMCow*QYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"));
        assertEquals(ErrorCode.ENCODING_INVALID, e.errorCode());
    }

    private static void assertKeyInvalid(Bytes spki) {
        var e = assertThrows(VerificationException.class, () -> PublicKeys.fromSpki(spki));
        assertEquals(ErrorCode.KEY_INVALID, e.errorCode(), e.getMessage());
    }
}
