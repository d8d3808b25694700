package dev.idea.core.upgrade;

import dev.idea.api.AuditEventType;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.QuorumVote;
import dev.idea.core.audit.EventDraft;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Builds the audit event drafts of upgrade transitions; every one names the upgrade and carries the manifest signature id. */
final class UpgradeEvents {
    /** Actor recorded for transitions that {@code reconcile()} makes. */
    static final String RECONCILER = "idea-reconciler";

    private UpgradeEvents() {
    }

    static EventDraft draft(UpgradeRecord r) {
        Map<String, String> a = base(r);
        a.put("draftRef", r.draftRef());
        a.put("impact", r.impact().name());
        a.put("target", r.target());
        return event(r.draftedAt(), AuditEventType.UPGRADE_DRAFT, r.draftedBy(), r, a);
    }

    static EventDraft vote(UpgradeRecord r, QuorumVote vote, QuorumStatus quorum, Instant at) {
        Map<String, String> a = base(r);
        a.put("statementDigest", vote.statementDigest().toString());
        a.put("counted", Integer.toString(quorum.countedApprovers().size()));
        a.put("thresholdMet", Boolean.toString(quorum.met()));
        if (!vote.counted()) {
            a.put("reason", vote.reason());
        }
        String actor = vote.approverId().isEmpty() ? "unknown-approver" : vote.approverId();
        AuditEventType type = vote.counted() ? AuditEventType.APPROVAL_COUNTED : AuditEventType.APPROVAL_REFUSED;
        return new EventDraft(at, type, actor, r.manifestId(), vote.statementDigest(), r.manifestSignatureId(), a);
    }

    static EventDraft apply(UpgradeRecord r, String actor, QuorumStatus quorum, Instant kernelAppliedAt) {
        Map<String, String> a = base(r);
        a.put("applicationId", r.applicationId());
        a.put("approvers", String.join(",", quorum.countedApprovers()));
        a.put("requirement", quorum.requirement());
        a.put("kernelAppliedAt", kernelAppliedAt.toString());
        return event(r.appliedAt(), AuditEventType.UPGRADE_APPLY, actor, r, a);
    }

    static EventDraft emergencyApply(UpgradeRecord r, String actor, String reason, Instant kernelAppliedAt) {
        Map<String, String> a = base(r);
        a.put("applicationId", r.applicationId());
        a.put("reason", reason);
        a.put("ratificationDeadline", r.ratificationDeadline().toString());
        a.put("kernelAppliedAt", kernelAppliedAt.toString());
        return event(r.appliedAt(), AuditEventType.UPGRADE_EMERGENCY_APPLY, actor, r, a);
    }

    static EventDraft ratified(UpgradeRecord r, QuorumStatus quorum) {
        Map<String, String> a = base(r);
        a.put("approvers", String.join(",", quorum.countedApprovers()));
        a.put("requirement", quorum.requirement());
        a.put("ratificationDeadline", r.ratificationDeadline().toString());
        a.put("evaluatedAt", quorum.evaluatedAt().toString());
        return event(r.settledAt(), AuditEventType.UPGRADE_RATIFIED, RECONCILER, r, a);
    }

    static EventDraft lapsed(UpgradeRecord r, QuorumStatus quorum) {
        Map<String, String> a = base(r);
        a.put("ratificationDeadline", r.ratificationDeadline().toString());
        a.put("counted", String.join(",", quorum.countedApprovers()));
        a.put("requirement", quorum.requirement());
        return event(r.settledAt(), AuditEventType.UPGRADE_LAPSED, RECONCILER, r, a);
    }

    static EventDraft rolledBack(UpgradeRecord r) {
        Map<String, String> a = base(r);
        a.put("applicationId", r.applicationId());
        a.put("rollbackId", r.rollbackId());
        return event(r.settledAt(), AuditEventType.UPGRADE_ROLLED_BACK, RECONCILER, r, a);
    }

    private static Map<String, String> base(UpgradeRecord r) {
        Map<String, String> a = new TreeMap<>();
        a.put("upgradeId", r.upgradeId());
        a.put("state", r.state().name());
        return a;
    }

    private static EventDraft event(Instant at, AuditEventType type, String actor, UpgradeRecord r, Map<String, String> a) {
        return new EventDraft(at, type, actor, r.manifestId(), r.manifestDigest(), r.manifestSignatureId(), a);
    }
}
