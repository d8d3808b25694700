package dev.idea.spi.kernel;

import dev.idea.api.Digest;
import java.util.Objects;

/**
 * A request to roll back an applied upgrade (after its ratification window lapsed).
 *
 * @param upgradeId the upgrade id
 * @param applicationId the kernel's id of the application to undo
 * @param manifestDigest the manifest digest that was applied
 * @param reason why, for the kernel's own records
 * @since 0.2
 */
public record UpgradeRollbackRequest(String upgradeId, String applicationId, Digest manifestDigest, String reason) {

    /** Validates presence. */
    public UpgradeRollbackRequest {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(reason, "reason");
    }
}
