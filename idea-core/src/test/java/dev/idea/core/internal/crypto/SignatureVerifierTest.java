package dev.idea.core.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final Bytes MESSAGE = Bytes.utf8("release 1.2.3");
    private static final KeyPair P256 = TestKeys.jdkP256();
    private static final VerificationKey P256_KEY = PublicKeys.fromSpki(Bytes.of(P256.getPublic().getEncoded()));

    @Test
    void isValid_ecdsaDerSignature_accepts() {
        Bytes der = TestKeys.jdkSign("SHA256withECDSA", P256, MESSAGE);
        assertTrue(SignatureVerifier.isValid(P256_KEY, MESSAGE, der));
    }

    @Test
    void isValid_ecdsaP1363Signature_accepts() {
        Bytes der = TestKeys.jdkSign("SHA256withECDSA", P256, MESSAGE);
        Bytes p1363 = TestKeys.derToP1363(der);
        assertEquals(64, p1363.size());
        assertTrue(SignatureVerifier.isValid(P256_KEY, MESSAGE, p1363));
        assertTrue(SignatureVerifier.isValid(P256_KEY, MESSAGE, TestKeys.jdkSign("SHA256withECDSAinP1363Format", P256, MESSAGE)));
    }

    @Test
    void isValid_ecdsaSignatureOverOtherMessage_refuses() {
        Bytes der = TestKeys.jdkSign("SHA256withECDSA", P256, MESSAGE);
        assertFalse(SignatureVerifier.isValid(P256_KEY, Bytes.utf8("release 1.2.4"), der));
        assertFalse(SignatureVerifier.isValid(P256_KEY, Bytes.utf8("release 1.2.4"), TestKeys.derToP1363(der)));
    }

    @Test
    void isValid_malformedSignatures_returnsFalseWithoutThrowing() {
        Bytes[] garbage = {Bytes.empty(), Bytes.of((byte) 0x30), Bytes.of(new byte[64]), Bytes.of(new byte[72]),
            Bytes.fromHex("3006020100020100"), Bytes.of(new byte[1000])};
        VerificationKey ed = PublicKeys.fromSpki(TestKeys.ed25519Spki("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        for (Bytes sig : garbage) {
            assertFalse(SignatureVerifier.isValid(P256_KEY, MESSAGE, sig), sig.toString());
            assertFalse(SignatureVerifier.isValid(ed, MESSAGE, sig), sig.toString());
        }
    }

    @Test
    void isValid_derWithTrailingByte_refuses() {
        Bytes der = TestKeys.jdkSign("SHA256withECDSA", P256, MESSAGE);
        assertFalse(SignatureVerifier.isValid(P256_KEY, MESSAGE, Bytes.fromHex(der.hex() + "00")));
    }

    @Test
    void verify_wrongSignature_throwsSignatureInvalidNamingKeyId() {
        Bytes der = TestKeys.jdkSign("SHA256withECDSA", P256, MESSAGE);
        var e = assertThrows(VerificationException.class,
                () -> SignatureVerifier.verify(P256_KEY, Bytes.utf8("other"), der));
        assertEquals(ErrorCode.SIGNATURE_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains(P256_KEY.keyId()), e.getMessage());
    }

    @Test
    void isValid_keyDeclaredWithOtherAlgorithm_throwsAlgorithmUnsupported() {
        VerificationKey mislabelled = new VerificationKey(SignatureAlgorithm.ED25519, P256_KEY.spki());
        var e = assertThrows(VerificationException.class,
                () -> SignatureVerifier.isValid(mislabelled, MESSAGE, TestKeys.jdkSign("SHA256withECDSA", P256, MESSAGE)));
        assertEquals(ErrorCode.ALGORITHM_UNSUPPORTED, e.errorCode());
    }

    @Test
    void isValid_malformedKey_throwsKeyInvalid() {
        VerificationKey broken = new VerificationKey(SignatureAlgorithm.ED25519, Bytes.fromHex("3000"));
        var e = assertThrows(VerificationException.class, () -> SignatureVerifier.isValid(broken, MESSAGE, Bytes.of(new byte[64])));
        assertEquals(ErrorCode.KEY_INVALID, e.errorCode());
    }

    @Test
    void cacheGet_sameSpkiTwice_decodesOnce() {
        AtomicInteger decodes = new AtomicInteger();
        DecodedKeyCache cache = new DecodedKeyCache(4, spki -> {
            decodes.incrementAndGet();
            return SpkiDecoder.decode(spki);
        });
        DecodedKey first = cache.get(P256_KEY.spki());
        assertSame(first, cache.get(Bytes.of(P256_KEY.spki().toByteArray())));
        assertEquals(1, decodes.get());
    }

    @Test
    void cacheGet_moreKeysThanBound_staysBounded() {
        DecodedKeyCache cache = new DecodedKeyCache(3, SpkiDecoder::decode);
        for (int i = 0; i < 10; i++) {
            cache.get(Bytes.of(TestKeys.jdkP256().getPublic().getEncoded()));
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
        assertNotEquals(0, cache.size());
    }
}
