package dev.idea.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.VerificationException;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.core.internal.crypto.PublicKeys;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustStoreCodecTest {
    private final GovernanceFixtures f = new GovernanceFixtures();

    private String keyObject(String name) {
        return "{\"alg\":\"" + f.key(name).algorithm().id() + "\",\"spki\":\"" + f.key(name).spki().base64() + "\"}";
    }

    private static String pemJson(String pem) {
        return "\"" + pem.replace("\n", "\\n") + "\"";
    }

    private String signer(String id, String key, String extra) {
        return "{\"id\":\"" + id + "\",\"key\":" + key + ",\"roles\":[\"approver\"]" + extra + "}";
    }

    private static Bytes doc(int threshold, String... signers) {
        return Bytes.utf8("{\"version\":1,\"min_required_signatures\":" + threshold + ",\"trusted_signers\":["
                + String.join(",", signers) + "]}");
    }

    @Test
    void read_pemAndAlgSpkiKeys_parsesSignersSortedById() {
        TrustStore store = TrustStoreCodec.read(doc(2,
                signer("bob", pemJson(PublicKeys.toPem(f.key("ec-bob"))), ",\"valid_until\":\"2027-01-01T00:00:00Z\""),
                signer("alice", keyObject("alice"), ",\"revoked\":false,\"valid_from\":\"2026-01-01T00:00:00Z\"")));
        assertEquals(List.of("alice", "bob"), store.signers().stream().map(TrustedSigner::id).toList());
        assertEquals(f.key("ec-bob"), store.signer("bob").orElseThrow().key());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), store.signer("bob").orElseThrow().validUntil());
        assertEquals(Instant.MIN, store.signer("bob").orElseThrow().validFrom());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), store.signer("alice").orElseThrow().validFrom());
        assertFalse(store.allowUnsigned(), "allow_unsigned defaults to false");
        assertEquals(2, store.minRequiredSignatures());
    }

    @Test
    void write_thenRead_roundTripsCanonically() {
        TrustStore store = new TrustStore(7, List.of(
                new TrustedSigner("carol", f.key("ec-carol"), Set.of("security_officer", "approver"),
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), true),
                f.trusted("alice", "approver")), 1, true);
        Bytes written = TrustStoreCodec.write(store);
        assertEquals(store, TrustStoreCodec.read(written));
        assertEquals(written, TrustStoreCodec.write(TrustStoreCodec.read(written)));
    }

    @Test
    void read_duplicateSignerId_throwsTrustStoreDuplicateSigner() {
        var e = assertThrows(ConfigurationException.class, () -> TrustStoreCodec.read(doc(1,
                signer("alice", keyObject("alice"), ""), signer("alice", keyObject("mallory"), ""))));
        assertEquals(ErrorCode.TRUST_STORE_DUPLICATE_SIGNER, e.errorCode());
        assertThat(e.getMessage()).contains("\"alice\" appears twice");
    }

    @Test
    void read_oneKeyUnderTwoIds_throwsTrustStoreKeyReused() {
        var e = assertThrows(ConfigurationException.class, () -> TrustStoreCodec.read(doc(2,
                signer("alice", keyObject("alice"), ""), signer("alice2", keyObject("alice"), ""))));
        assertEquals(ErrorCode.TRUST_STORE_KEY_REUSED, e.errorCode());
        assertThat(e.getMessage()).contains(f.key("alice").keyId()).contains("\"alice\"").contains("\"alice2\"");
    }

    @Test
    void read_oneKeyUnderTwoIdsInPemAndSpkiForms_throwsTrustStoreKeyReused() {
        var e = assertThrows(ConfigurationException.class, () -> TrustStoreCodec.read(doc(1,
                signer("alice", keyObject("alice"), ""), signer("bob", pemJson(PublicKeys.toPem(f.key("alice"))), ""))));
        assertEquals(ErrorCode.TRUST_STORE_KEY_REUSED, e.errorCode());
    }

    @Test
    void read_thresholdAboveNonRevokedSigners_throwsTrustStoreInvalid() {
        var e = assertThrows(ConfigurationException.class, () -> TrustStoreCodec.read(doc(2,
                signer("alice", keyObject("alice"), ""), signer("bob", keyObject("bob"), ",\"revoked\":true"))));
        assertEquals(ErrorCode.TRUST_STORE_INVALID, e.errorCode());
        assertThat(e.getMessage()).contains("min_required_signatures is 2").contains("1 non-revoked");
    }

    @Test
    void read_unknownMember_throwsSchemaViolationNamingIt() {
        var e = assertThrows(FormatException.class, () -> TrustStoreCodec.read(Bytes.utf8(
                "{\"version\":1,\"min_required_signature\":1,\"trusted_signers\":[]}")));
        assertEquals(ErrorCode.JSON_SCHEMA_VIOLATION, e.errorCode());
        assertThat(e.getMessage()).contains("min_required_signature");
    }

    @Test
    void read_duplicateJsonMember_throwsJsonDuplicateKey() {
        var e = assertThrows(FormatException.class, () -> TrustStoreCodec.read(Bytes.utf8(
                "{\"version\":1,\"version\":2,\"min_required_signatures\":1,\"trusted_signers\":[]}")));
        assertEquals(ErrorCode.JSON_DUPLICATE_KEY, e.errorCode());
    }

    @Test
    void read_declaredAlgDiffersFromSpki_throwsAlgorithmUnsupported() {
        String wrong = "{\"alg\":\"ecdsa-p256-sha256\",\"spki\":\"" + f.key("alice").spki().base64() + "\"}";
        var e = assertThrows(VerificationException.class, () -> TrustStoreCodec.read(doc(1, signer("alice", wrong, ""))));
        assertEquals(ErrorCode.ALGORITHM_UNSUPPORTED, e.errorCode());
    }

    @Test
    void read_badRoleNameOrEmptyWindow_throwsTrustStoreInvalid() {
        IdeaException role = assertThrows(IdeaException.class, () -> TrustStoreCodec.read(doc(1,
                "{\"id\":\"alice\",\"key\":" + keyObject("alice") + ",\"roles\":[\"Root Admin\"]}")));
        assertEquals(ErrorCode.TRUST_STORE_INVALID, role.errorCode());
        IdeaException window = assertThrows(IdeaException.class, () -> TrustStoreCodec.read(doc(1, signer("alice", keyObject("alice"),
                ",\"valid_from\":\"2026-01-01T00:00:00Z\",\"valid_until\":\"2026-01-01T00:00:00Z\""))));
        assertEquals(ErrorCode.TRUST_STORE_INVALID, window.errorCode());
    }

    @Test
    void readUnverified_otherPayloadType_throwsPayloadTypeMismatch() {
        var envelope = dev.idea.core.dsse.Dsse.sign("application/vnd.idea.manifest.v1+json",
                TrustStoreCodec.write(new TrustStore(1, List.of(f.trusted("alice")), 1, false)), f.signers("alice"));
        var e = assertThrows(VerificationException.class, () -> TrustStoreCodec.readUnverified(envelope));
        assertEquals(ErrorCode.PAYLOAD_TYPE_MISMATCH, e.errorCode());
    }
}
