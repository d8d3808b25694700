package dev.idea.spi.kernel;

import java.time.Instant;
import java.util.Objects;

/**
 * What the kernel returns for a drafted upgrade.
 *
 * @param upgradeId the upgrade id of the request
 * @param draftRef the kernel's reference of the draft, passed back on apply
 * @param createdAt when the kernel drafted it
 * @since 0.2
 */
public record UpgradeDraft(String upgradeId, String draftRef, Instant createdAt) {

    /** Validates presence. */
    public UpgradeDraft {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(draftRef, "draftRef");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
