package dev.idea.spi.kernel;

import dev.idea.api.Digest;
import dev.idea.api.Impact;
import java.util.Objects;

/**
 * A request to draft a governed upgrade of one signed HIGH or CRITICAL manifest.
 *
 * @param upgradeId IDEA's id of the upgrade; the same manifest always gets the same id
 * @param manifestId the manifest's id
 * @param manifestDigest SHA-256 of the manifest's canonical JSON
 * @param manifestSignatureId the kernel's id of the manifest signature
 * @param impact HIGH or CRITICAL
 * @param requestedBy who asked for the upgrade
 * @since 0.2
 */
public record UpgradeDraftRequest(String upgradeId, String manifestId, Digest manifestDigest, String manifestSignatureId,
                                  Impact impact, String requestedBy) {

    /** Validates presence. */
    public UpgradeDraftRequest {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(manifestId, "manifestId");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(manifestSignatureId, "manifestSignatureId");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
