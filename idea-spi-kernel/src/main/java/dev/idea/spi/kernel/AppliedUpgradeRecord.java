package dev.idea.spi.kernel;

import dev.idea.api.Digest;
import java.time.Instant;
import java.util.Objects;

/**
 * The kernel's record of an applied upgrade. IDEA compares its upgrade id, draft reference,
 * manifest digest and emergency flag with the request and refuses a record that differs.
 *
 * @param upgradeId the upgrade id
 * @param draftRef the draft that was applied
 * @param manifestDigest the manifest digest that was applied
 * @param applicationId the kernel's id of this application, passed back on rollback
 * @param appliedAt when the kernel applied it
 * @param emergency whether it was an emergency apply
 * @since 0.2
 */
public record AppliedUpgradeRecord(String upgradeId, String draftRef, Digest manifestDigest, String applicationId,
                                   Instant appliedAt, boolean emergency) {

    /** Validates presence. */
    public AppliedUpgradeRecord {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(draftRef, "draftRef");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(appliedAt, "appliedAt");
    }
}
