package dev.idea.core.dsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.ErrorCode;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.VerifiedEnvelope;
import dev.idea.core.internal.crypto.TestKeys;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseTest {
    static final String TYPE = "application/vnd.idea.manifest.v1+json";
    static final Bytes PAYLOAD = Bytes.utf8("{\"id\":\"m-1\"}");

    private final LocalKms kms = LocalKms.inMemory();
    private final VerificationKey a = kms.createKey(KeyRef.of("a"), SignatureAlgorithm.ED25519);
    private final VerificationKey b = kms.createKey(KeyRef.of("b"), SignatureAlgorithm.ECDSA_P256_SHA256);
    private final VerificationKey c = kms.createKey(KeyRef.of("c"), SignatureAlgorithm.ED25519);
    private final VerificationKey outsider = kms.createKey(KeyRef.of("outsider"), SignatureAlgorithm.ED25519);

    private EnvelopeSigner signer(String ref) {
        return EnvelopeSigner.of(kms.publicKey(KeyRef.of(ref)).keyId(), pae -> kms.sign(KeyRef.of(ref), pae));
    }

    @Test
    void sign_twoSigners_signsPaeOncePerSignerInOrder() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("a"), signer("b")));
        assertEquals(2, envelope.signatures().size());
        assertEquals(a.keyId(), envelope.signatures().get(0).keyid());
        assertEquals(b.keyId(), envelope.signatures().get(1).keyid());
        assertEquals(DsseEnvelope.pae(TYPE, PAYLOAD), envelope.pae());
    }

    @Test
    void sign_noSigners_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Dsse.sign(TYPE, PAYLOAD, List.of()));
    }

    @Test
    void verify_oneTrustedSignature_returnsPayloadAndKey() {
        VerifiedEnvelope verified = Dsse.verify(Dsse.sign(TYPE, PAYLOAD, List.of(signer("a"))), TYPE, List.of(a), 1);
        assertEquals(TYPE, verified.payloadType());
        assertEquals(PAYLOAD, verified.payload());
        assertEquals(List.of(a), verified.verifiedBy());
    }

    @Test
    void verify_sameKeySignedTwice_countsOnce() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("a"), signer("a")));
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a, b), 2));
        assertEquals(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, e.errorCode());
        assertTrue(e.getMessage().contains("1 distinct trusted key(s) verified [" + a.keyId() + "]"), e.getMessage());
        assertTrue(e.getMessage().contains("but 2 of the 2 trusted keys are needed"), e.getMessage());
    }

    @Test
    void verify_twoOfThreeWithTwoDistinctKeys_passesInTrustedOrder() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("c"), signer("a")));
        VerifiedEnvelope verified = Dsse.verify(envelope, TYPE, List.of(a, b, c), 2);
        assertEquals(List.of(a, c), verified.verifiedBy());
    }

    @Test
    void verify_keyidPointingAtWrongKey_stillVerifiesByTryingKeys() {
        Bytes sig = kms.sign(KeyRef.of("a"), DsseEnvelope.pae(TYPE, PAYLOAD));
        DsseEnvelope envelope = new DsseEnvelope(TYPE, PAYLOAD, List.of(new DsseSignature(c.keyId(), sig)));
        assertEquals(List.of(a), Dsse.verify(envelope, TYPE, List.of(c, a), 1).verifiedBy());
    }

    @Test
    void verify_keyidNamingTrustedKeyOnForeignSignature_doesNotCount() {
        Bytes sig = kms.sign(KeyRef.of("outsider"), DsseEnvelope.pae(TYPE, PAYLOAD));
        DsseEnvelope envelope = new DsseEnvelope(TYPE, PAYLOAD, List.of(new DsseSignature(a.keyId(), sig)));
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a), 1));
        assertEquals(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, e.errorCode());
    }

    @Test
    void verify_untrustedSignatureBesideTrustedOne_isIgnored() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("outsider"), signer("b")));
        assertEquals(List.of(b), Dsse.verify(envelope, TYPE, List.of(a, b), 1).verifiedBy());
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a, b), 2));
        assertEquals(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, e.errorCode());
    }

    @Test
    void verify_unexpectedPayloadType_refuses() {
        DsseEnvelope envelope = Dsse.sign("application/vnd.idea.approval.v1+json", PAYLOAD, List.of(signer("a")));
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a), 1));
        assertEquals(ErrorCode.PAYLOAD_TYPE_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("application/vnd.idea.approval.v1+json"), e.getMessage());
    }

    @Test
    void verify_payloadTypeRelabelled_refusesBecauseSignatureCoversType() {
        DsseEnvelope signed = Dsse.sign("application/vnd.idea.approval.v1+json", PAYLOAD, List.of(signer("a")));
        DsseEnvelope relabelled = new DsseEnvelope(TYPE, PAYLOAD, signed.signatures());
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(relabelled, TYPE, List.of(a), 1));
        assertEquals(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, e.errorCode());
    }

    @Test
    void verify_noSignatures_refusesAsMalformed() {
        DsseEnvelope envelope = new DsseEnvelope(TYPE, PAYLOAD, List.of());
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a), 1));
        assertEquals(ErrorCode.ENVELOPE_MALFORMED, e.errorCode());
    }

    @Test
    void verify_thresholdOutOfRange_throwsIllegalArgument() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("a")));
        assertThrows(IllegalArgumentException.class, () -> Dsse.verify(envelope, TYPE, List.of(a), 0));
        assertThrows(IllegalArgumentException.class, () -> Dsse.verify(envelope, TYPE, List.of(a, b), 3));
        assertThrows(IllegalArgumentException.class, () -> Dsse.verify(envelope, TYPE, List.of(), 1));
    }

    @Test
    void verify_duplicateTrustedKeys_countOnce() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("a")));
        VerificationKey copyOfA = new VerificationKey(a.algorithm(), Bytes.of(a.spki().toByteArray()));
        var e = assertThrows(IllegalArgumentException.class, () -> Dsse.verify(envelope, TYPE, List.of(a, copyOfA), 2));
        assertTrue(e.getMessage().contains("between 1 and 1"), e.getMessage());
        assertEquals(List.of(a), Dsse.verify(envelope, TYPE, List.of(a, copyOfA), 1).verifiedBy());
    }

    @Test
    void verify_ecdsaDerAndP1363_bothAccepted() {
        Bytes der = kms.sign(KeyRef.of("b"), DsseEnvelope.pae(TYPE, PAYLOAD));
        Bytes p1363 = TestKeys.derToP1363(der);
        for (Bytes sig : List.of(der, p1363)) {
            DsseEnvelope envelope = new DsseEnvelope(TYPE, PAYLOAD, List.of(new DsseSignature("", sig)));
            assertEquals(List.of(b), Dsse.verify(envelope, TYPE, List.of(a, b), 1).verifiedBy());
        }
    }

    @Test
    void verify_ed25519SignatureWithFlippedBit_refuses() {
        Bytes sig = kms.sign(KeyRef.of("a"), DsseEnvelope.pae(TYPE, PAYLOAD));
        DsseEnvelope envelope = new DsseEnvelope(TYPE, PAYLOAD, List.of(new DsseSignature(a.keyId(), TestKeys.flipBit(sig, 77))));
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a), 1));
        assertEquals(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, e.errorCode());
        assertTrue(e.getMessage().contains("0 distinct trusted key(s) verified []"), e.getMessage());
    }

    @Test
    void verify_malformedTrustedKey_refusesBeforeCheckingSignatures() {
        DsseEnvelope envelope = Dsse.sign(TYPE, PAYLOAD, List.of(signer("a")));
        VerificationKey broken = new VerificationKey(SignatureAlgorithm.ED25519, Bytes.fromHex("3000"));
        var e = assertThrows(VerificationException.class, () -> Dsse.verify(envelope, TYPE, List.of(a, broken), 1));
        assertEquals(ErrorCode.KEY_INVALID, e.errorCode());
    }

    @Test
    void verify_manySignaturesAndKeys_verifiedByFollowsTrustedOrder() {
        List<EnvelopeSigner> signers = new ArrayList<>(List.of(signer("c"), signer("outsider"), signer("b"), signer("a")));
        VerifiedEnvelope verified = Dsse.verify(Dsse.sign(TYPE, PAYLOAD, signers), TYPE, List.of(b, c, a), 3);
        assertEquals(List.of(b, c, a), verified.verifiedBy());
    }
}
