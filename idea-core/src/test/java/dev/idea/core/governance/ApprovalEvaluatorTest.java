package dev.idea.core.governance;

import static dev.idea.core.governance.GovernanceFixtures.MANIFEST;
import static dev.idea.core.governance.GovernanceFixtures.OTHER_MANIFEST;
import static dev.idea.core.governance.GovernanceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.ApprovalException;
import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.Impact;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalDecision;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.CountedApproval;
import dev.idea.api.governance.RefusalReason;
import dev.idea.api.governance.RefusedApproval;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.api.governance.Verdict;
import dev.idea.core.dsse.Dsse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalEvaluatorTest {
    private static final Instant NOW = T0.plus(Duration.ofHours(1));
    private final GovernanceFixtures f = new GovernanceFixtures();
    private final ApprovalEvaluator evaluator = new ApprovalEvaluator();
    private final ApprovalPolicy policy = ApprovalPolicy.defaults();
    private final TrustStore store = new TrustStore(4, List.of(
            f.trusted("alice", "approver"), f.trusted("bob", "approver"), f.trusted("ec-carol", "approver"),
            f.trusted("dave", "approver", "security_officer"), f.trusted("erin", "security_officer"),
            f.trusted("sub", "submitter"),
            new TrustedSigner("rita", f.key("rita"), Set.of("approver"), Instant.MIN, Instant.MAX, true),
            new TrustedSigner("vic", f.key("vic"), Set.of("approver"), T0.plus(Duration.ofDays(30)), Instant.MAX, false)),
            2, false);

    private ApprovalDecision evaluate(Impact impact, Approval... approvals) {
        return evaluator.evaluate(MANIFEST, impact, List.of(approvals), store, policy, NOW);
    }

    private Approval approve(String who) {
        return f.approve(who, MANIFEST, T0);
    }

    private static List<String> counted(ApprovalDecision d) {
        return d.counted().stream().map(CountedApproval::approverId).toList();
    }

    private static RefusedApproval onlyRefusal(ApprovalDecision d) {
        assertEquals(1, d.refused().size(), d.refused().toString());
        return d.refused().get(0);
    }

    @Test
    void evaluate_threeDistinctApprovers_meetsHigh() {
        ApprovalDecision d = evaluate(Impact.HIGH, approve("bob"), approve("alice"), approve("ec-carol"));
        assertTrue(d.met());
        assertEquals(List.of("alice", "bob", "ec-carol"), counted(d));
        assertEquals(f.key("ec-carol").keyId(), d.counted().get(2).keyId());
        assertEquals(List.of(), d.refused());
        assertEquals(4, d.trustStoreVersion());
        assertEquals(d, d.requireMet());
    }

    @Test
    void evaluate_sameApproverThreeTimes_countsOnceAsDuplicateSigner() {
        ApprovalDecision d = evaluate(Impact.HIGH, f.approve("alice", MANIFEST, T0),
                f.approve("alice", MANIFEST, T0.plusSeconds(1)), f.approve("alice", MANIFEST, T0.plusSeconds(2)), approve("bob"));
        assertFalse(d.met());
        assertEquals(List.of("alice", "bob"), counted(d));
        assertEquals(T0.plusSeconds(2), d.counted().get(0).issuedAt(), "the latest statement decides");
        assertThat(d.refused()).hasSize(2).allMatch(r -> r.reason() == RefusalReason.DUPLICATE_APPROVER);
        var e = assertThrows(ApprovalException.class, d::requireMet);
        assertEquals(ErrorCode.APPROVAL_THRESHOLD_NOT_MET, e.errorCode());
        assertThat(e.getMessage()).contains("needs 3 of [approver, security_officer] but 2 approval(s) counted")
                .contains("alice DUPLICATE_APPROVER");
    }

    @Test
    void evaluate_sameEnvelopeSubmittedTwice_countsOnce() {
        Approval once = approve("alice");
        ApprovalDecision d = evaluate(Impact.HIGH, once, once, approve("bob"), approve("ec-carol"));
        assertTrue(d.met());
        assertEquals(RefusalReason.DUPLICATE_APPROVER, onlyRefusal(d).reason());
    }

    @Test
    void evaluate_envelopeSignedTwiceBySameKey_countsOnce() {
        ApprovalStatement s = new ApprovalStatement(MANIFEST, Verdict.APPROVE, "alice", T0, T0.plus(Duration.ofDays(1)));
        Approval doubled = new Approval(Dsse.sign(Approval.PAYLOAD_TYPE, ApprovalCodec.write(s), f.signers("alice", "alice")));
        ApprovalDecision d = evaluate(Impact.HIGH, doubled, approve("bob"));
        assertEquals(List.of("alice", "bob"), counted(d));
        assertFalse(d.met());
    }

    @Test
    void evaluate_signerWithoutApprovingRole_refusedMissingRole() {
        ApprovalDecision d = evaluate(Impact.HIGH, approve("alice"), approve("bob"), approve("sub"));
        assertFalse(d.met());
        RefusedApproval r = onlyRefusal(d);
        assertEquals(RefusalReason.MISSING_ROLE, r.reason());
        assertEquals("sub", r.approverId());
        assertThat(r.detail()).contains("[submitter] may not approve HIGH");
    }

    @Test
    void evaluate_expiredApproval_refusedExpired() {
        Approval old = f.sign("ec-carol", new ApprovalStatement(MANIFEST, Verdict.APPROVE, "ec-carol", T0, NOW));
        ApprovalDecision d = evaluate(Impact.HIGH, approve("alice"), approve("bob"), old);
        assertFalse(d.met());
        assertEquals(RefusalReason.EXPIRED, onlyRefusal(d).reason());
    }

    @Test
    void evaluate_approvalReplayedOnAnotherManifest_refusedOtherManifest() {
        ApprovalDecision d = evaluate(Impact.HIGH, approve("alice"), approve("bob"), f.approve("ec-carol", OTHER_MANIFEST, T0));
        assertFalse(d.met());
        RefusedApproval r = onlyRefusal(d);
        assertEquals(RefusalReason.OTHER_MANIFEST, r.reason());
        assertThat(r.detail()).contains(OTHER_MANIFEST.toString());
    }

    @Test
    void evaluate_revokedKey_refusedRevokedKey() {
        assertEquals(RefusalReason.REVOKED_KEY, onlyRefusal(evaluate(Impact.HIGH, approve("rita"))).reason());
    }

    @Test
    void evaluate_signerNotYetInItsWindow_refusedOutsideValidity() {
        assertEquals(RefusalReason.OUTSIDE_VALIDITY, onlyRefusal(evaluate(Impact.HIGH, approve("vic"))).reason());
    }

    @Test
    void evaluate_issuedAfterNow_refusedNotYetValid() {
        ApprovalDecision d = evaluate(Impact.HIGH, f.approve("alice", MANIFEST, NOW.plusSeconds(1)));
        assertEquals(RefusalReason.NOT_YET_VALID, onlyRefusal(d).reason());
    }

    @Test
    void evaluate_statementClaimingAnotherApprover_refusedBadSignature() {
        Approval forged = f.sign("mallory", new ApprovalStatement(MANIFEST, Verdict.APPROVE, "alice", T0, NOW.plusSeconds(60)));
        ApprovalDecision d = evaluate(Impact.HIGH, forged);
        RefusedApproval r = onlyRefusal(d);
        assertEquals(RefusalReason.BAD_SIGNATURE, r.reason());
        assertEquals("alice", r.approverId());
    }

    @Test
    void evaluate_keyHintPointingAtApproverButSignatureByAnother_refusedBadSignature() {
        Approval forged = f.sign("mallory", new ApprovalStatement(MANIFEST, Verdict.APPROVE, "alice", T0, NOW.plusSeconds(60)));
        DsseSignature sig = forged.envelope().signatures().get(0);
        Approval hinted = new Approval(new DsseEnvelope(Approval.PAYLOAD_TYPE, forged.envelope().payload(),
                List.of(new DsseSignature(f.key("alice").keyId(), sig.sig()))));
        assertEquals(RefusalReason.BAD_SIGNATURE, onlyRefusal(evaluate(Impact.HIGH, hinted)).reason());
    }

    @Test
    void evaluate_unknownApprover_refusedUnknownSigner() {
        assertEquals(RefusalReason.UNKNOWN_SIGNER, onlyRefusal(evaluate(Impact.HIGH, approve("mallory"))).reason());
    }

    @Test
    void evaluate_otherPayloadTypeOrGarbage_refusedMalformed() {
        Approval otherType = new Approval(Dsse.sign("application/vnd.idea.manifest.v1+json",
                ApprovalCodec.write(new ApprovalStatement(MANIFEST, Verdict.APPROVE, "alice", T0, NOW.plusSeconds(60))),
                f.signers("alice")));
        Approval garbage = new Approval(Dsse.sign(Approval.PAYLOAD_TYPE, Bytes.utf8("{\"type\":1}"), f.signers("alice")));
        ApprovalDecision d = evaluate(Impact.HIGH, otherType, garbage);
        assertThat(d.refused()).hasSize(2).allMatch(r -> r.reason() == RefusalReason.MALFORMED);
    }

    @Test
    void evaluate_laterRejection_withdrawsTheApproval() {
        Approval reject = f.sign("bob", new ApprovalStatement(MANIFEST, Verdict.REJECT, "bob", T0.plusSeconds(5), NOW.plusSeconds(60)));
        ApprovalDecision d = evaluate(Impact.HIGH, approve("alice"), approve("bob"), approve("ec-carol"), reject);
        assertFalse(d.met());
        assertEquals(List.of("alice", "ec-carol"), counted(d));
        assertThat(d.refused()).extracting(RefusedApproval::reason)
                .containsExactlyInAnyOrder(RefusalReason.DUPLICATE_APPROVER, RefusalReason.REJECTED);
    }

    @Test
    void evaluate_criticalWithoutSecurityOfficer_isNotMet() {
        assertFalse(evaluate(Impact.CRITICAL, approve("alice"), approve("bob"), approve("ec-carol")).met());
        assertTrue(evaluate(Impact.CRITICAL, approve("alice"), approve("bob"), approve("erin")).met());
        ApprovalDecision dual = evaluate(Impact.CRITICAL, approve("alice"), approve("bob"), approve("dave"));
        assertTrue(dual.met(), "a security officer who is also an approver counts in both groups");
        assertEquals(Set.of("approver", "security_officer"), dual.counted().get(2).roles());
    }

    @Test
    void evaluate_lowImpact_needsNothing() {
        ApprovalDecision d = evaluate(Impact.LOW);
        assertTrue(d.met());
        assertEquals("none", d.requirement());
    }

    @Test
    void evaluate_anyOrder_givesEqualDecisions() {
        List<Approval> all = new ArrayList<>(List.of(approve("alice"), approve("alice"), f.approve("bob", MANIFEST, T0.plusSeconds(3)),
                approve("bob"), approve("sub"), approve("rita"), approve("mallory"), f.approve("erin", OTHER_MANIFEST, T0),
                approve("erin"), approve("dave")));
        ApprovalDecision first = evaluator.evaluate(MANIFEST, Impact.CRITICAL, all, store, policy, NOW);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(all, random);
            assertEquals(first, evaluator.evaluate(MANIFEST, Impact.CRITICAL, all, store, policy, NOW));
        }
        assertTrue(first.met());
    }

    @Test
    void check_refusedApproval_throwsApprovalRefusedNamingTheReason() {
        var e = assertThrows(ApprovalException.class, () -> evaluator.check(f.approve("alice", OTHER_MANIFEST, T0), MANIFEST,
                Impact.HIGH, store, policy, NOW));
        assertEquals(ErrorCode.APPROVAL_REFUSED, e.errorCode());
        assertThat(e.getMessage()).contains("OTHER_MANIFEST");
        assertEquals("alice", evaluator.check(approve("alice"), MANIFEST, Impact.HIGH, store, policy, NOW).approverId());
    }

    @Test
    void evaluate_tooManyApprovals_throwsApprovalInvalid() {
        List<Approval> many = Collections.nCopies(ApprovalEvaluator.MAX_APPROVALS + 1, approve("alice"));
        var e = assertThrows(ApprovalException.class, () -> evaluator.evaluate(MANIFEST, Impact.HIGH, many, store, policy, NOW));
        assertEquals(ErrorCode.APPROVAL_INVALID, e.errorCode());
    }

    @Test
    void trustStore_duplicateSignerOrSharedKey_isRefusedBeforeAnyCounting() {
        var duplicate = assertThrows(dev.idea.api.ConfigurationException.class, () -> new TrustStore(1,
                List.of(f.trusted("alice", "approver"), f.trusted("alice", "approver")), 1, false));
        assertEquals(ErrorCode.TRUST_STORE_DUPLICATE_SIGNER, duplicate.errorCode());
        var shared = assertThrows(dev.idea.api.ConfigurationException.class, () -> new TrustStore(1,
                List.of(f.trusted("alice", "approver"), TrustedSigner.of("alice-2", f.key("alice"), Set.of("approver"))), 1, false));
        assertEquals(ErrorCode.TRUST_STORE_KEY_REUSED, shared.errorCode());
    }
}
