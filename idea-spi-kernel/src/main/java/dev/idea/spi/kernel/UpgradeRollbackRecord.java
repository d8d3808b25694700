package dev.idea.spi.kernel;

import java.time.Instant;
import java.util.Objects;

/**
 * The kernel's record of a rolled-back upgrade.
 *
 * @param upgradeId the upgrade id
 * @param applicationId the application that was undone
 * @param rollbackId the kernel's id of the rollback
 * @param rolledBackAt when the kernel rolled it back
 * @since 0.2
 */
public record UpgradeRollbackRecord(String upgradeId, String applicationId, String rollbackId, Instant rolledBackAt) {

    /** Validates presence. */
    public UpgradeRollbackRecord {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(rollbackId, "rollbackId");
        Objects.requireNonNull(rolledBackAt, "rolledBackAt");
    }
}
