package dev.idea.api.upgrade;

import dev.idea.api.Digest;
import dev.idea.api.Impact;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one upgrade: its manifest, state, the kernel's records and the approvals as IDEA
 * counted them when the snapshot was taken.
 *
 * <p>Immutable and thread-safe. Fields that belong to a later state are null until the upgrade
 * reaches it.
 *
 * @param upgradeId {@code up-} and the first 24 hex digits of the manifest digest: one upgrade per manifest
 * @param manifestId the manifest's id
 * @param manifestDigest SHA-256 of the manifest's canonical JSON
 * @param manifestSignatureId the kernel's id of the manifest signature
 * @param target the manifest's target
 * @param impact HIGH or CRITICAL
 * @param state the current state
 * @param draftRef the kernel's reference of the draft
 * @param draftedBy who asked for the draft
 * @param draftedAt when the kernel drafted it
 * @param emergency whether the upgrade was emergency-applied
 * @param applicationId the kernel's id of the applied upgrade, or null before apply
 * @param appliedAt when the kernel applied it, or null before apply
 * @param ratificationDeadline end of the ratification window (exclusive), or null unless emergency-applied
 * @param settledAt when the upgrade reached RATIFIED or ROLLED_BACK (or when the window lapsed, in LAPSED), or null
 * @param rollbackId the kernel's id of the rollback, or null
 * @param lastError the last failure of an automatic step (e.g. a rollback the kernel refused), or null
 * @param quorum the approvals as counted for this snapshot
 * @since 0.2
 */
public record UpgradeStatus(
        String upgradeId,
        String manifestId,
        Digest manifestDigest,
        String manifestSignatureId,
        String target,
        Impact impact,
        UpgradeState state,
        String draftRef,
        String draftedBy,
        Instant draftedAt,
        boolean emergency,
        String applicationId,
        Instant appliedAt,
        Instant ratificationDeadline,
        Instant settledAt,
        String rollbackId,
        String lastError,
        QuorumStatus quorum) {

    /** Validates presence of the fields every state has. */
    public UpgradeStatus {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(manifestId, "manifestId");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifestSignatureId, "manifestSignatureId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(draftRef, "draftRef");
        Objects.requireNonNull(draftedBy, "draftedBy");
        Objects.requireNonNull(draftedAt, "draftedAt");
        Objects.requireNonNull(quorum, "quorum");
    }
}
