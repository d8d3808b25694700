package dev.idea.core.upgrade;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.Impact;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * The persisted state of one upgrade, as stored under {@code upgrades/<upgradeId>} in the record
 * store (canonical JSON), with the record version it was read at.
 *
 * @param upgradeId the upgrade id
 * @param manifestId the manifest id
 * @param manifestDigest the manifest digest
 * @param manifestSignatureId the kernel's signature id
 * @param target the manifest's target
 * @param impact HIGH or CRITICAL
 * @param state the state
 * @param draftRef the kernel's draft reference
 * @param draftedBy who asked for the draft
 * @param draftedAt when
 * @param emergency whether emergency-applied
 * @param applicationId the kernel's application id, or null
 * @param appliedAt when applied, or null
 * @param ratificationDeadline end of the window, or null
 * @param settledAt when ratified, lapsed or rolled back, or null
 * @param rollbackId the kernel's rollback id, or null
 * @param lastError last failure of an automatic step, or null
 * @param version the record-store version this was read at, 0 when not stored yet
 */
record UpgradeRecord(String upgradeId, String manifestId, Digest manifestDigest, String manifestSignatureId, String target,
                     Impact impact, UpgradeState state, String draftRef, String draftedBy, Instant draftedAt,
                     boolean emergency, String applicationId, Instant appliedAt, Instant ratificationDeadline,
                     Instant settledAt, String rollbackId, String lastError, long version) {

    UpgradeRecord {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(state, "state");
    }

    static UpgradeRecord drafted(String upgradeId, String manifestId, Digest manifestDigest, String manifestSignatureId,
                                 String target, Impact impact, String draftRef, String draftedBy, Instant draftedAt) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact,
                UpgradeState.DRAFT, draftRef, draftedBy, draftedAt, false, null, null, null, null, null, null, 0);
    }

    UpgradeRecord applied(String application, Instant at) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact,
                UpgradeState.APPLIED, draftRef, draftedBy, draftedAt, false, application, at, null, null, null, null, version);
    }

    UpgradeRecord emergencyApplied(String application, Instant at, Instant deadline) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact,
                UpgradeState.PENDING_RATIFICATION, draftRef, draftedBy, draftedAt, true, application, at, deadline, null,
                null, null, version);
    }

    UpgradeRecord settled(UpgradeState next, Instant at) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact, next, draftRef,
                draftedBy, draftedAt, emergency, applicationId, appliedAt, ratificationDeadline, at, rollbackId, null, version);
    }

    UpgradeRecord rolledBack(String rollback, Instant at) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact,
                UpgradeState.ROLLED_BACK, draftRef, draftedBy, draftedAt, emergency, applicationId, appliedAt,
                ratificationDeadline, at, rollback, null, version);
    }

    UpgradeRecord failed(String error) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact, state, draftRef,
                draftedBy, draftedAt, emergency, applicationId, appliedAt, ratificationDeadline, settledAt, rollbackId, error,
                version);
    }

    UpgradeRecord atVersion(long newVersion) {
        return new UpgradeRecord(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact, state, draftRef,
                draftedBy, draftedAt, emergency, applicationId, appliedAt, ratificationDeadline, settledAt, rollbackId,
                lastError, newVersion);
    }

    UpgradeStatus toStatus(QuorumStatus quorum) {
        return new UpgradeStatus(upgradeId, manifestId, manifestDigest, manifestSignatureId, target, impact, state, draftRef,
                draftedBy, draftedAt, emergency, applicationId, appliedAt, ratificationDeadline, settledAt, rollbackId,
                lastError, quorum);
    }

    Bytes write() {
        JsonObject json = JsonObject.builder()
                .put("format", "idea.upgrade.v1")
                .put("upgradeId", upgradeId)
                .put("manifestId", manifestId)
                .put("manifestDigest", manifestDigest.toString())
                .put("manifestSignatureId", manifestSignatureId)
                .put("target", target)
                .put("impact", impact.name())
                .put("state", state.name())
                .put("draftRef", draftRef)
                .put("draftedBy", draftedBy)
                .put("draftedAt", draftedAt.toString())
                .put("emergency", emergency)
                .putIfNotNull("applicationId", applicationId)
                .putIfNotNull("appliedAt", text(appliedAt))
                .putIfNotNull("ratificationDeadline", text(ratificationDeadline))
                .putIfNotNull("settledAt", text(settledAt))
                .putIfNotNull("rollbackId", rollbackId)
                .putIfNotNull("lastError", lastError)
                .build();
        return Bytes.of(Json.write(json));
    }

    /**
     * Reads a stored record.
     *
     * @throws RuntimeException any decoding failure; the caller reports it as corrupt storage
     */
    static UpgradeRecord read(Bytes value, long version) {
        JsonObject o = Json.parseObject(value.toByteArray(), JsonLimits.DEFAULT);
        if (!"idea.upgrade.v1".equals(o.requireString("format"))) {
            throw new IllegalArgumentException("format is \"" + o.requireString("format") + "\", expected idea.upgrade.v1");
        }
        return new UpgradeRecord(o.requireString("upgradeId"), o.requireString("manifestId"),
                Digest.parse(o.requireString("manifestDigest")), o.requireString("manifestSignatureId"),
                o.requireString("target"), Impact.valueOf(o.requireString("impact")),
                UpgradeState.valueOf(o.requireString("state")), o.requireString("draftRef"), o.requireString("draftedBy"),
                Instant.parse(o.requireString("draftedAt")), o.requireBoolean("emergency"),
                o.optString("applicationId").orElse(null), instant(o, "appliedAt"), instant(o, "ratificationDeadline"),
                instant(o, "settledAt"), o.optString("rollbackId").orElse(null), o.optString("lastError").orElse(null),
                version);
    }

    private static Instant instant(JsonObject o, String key) {
        return o.optString(key).map(Instant::parse).orElse(null);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
