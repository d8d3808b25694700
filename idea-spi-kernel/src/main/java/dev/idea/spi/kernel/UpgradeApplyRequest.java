package dev.idea.spi.kernel;

import dev.idea.api.Digest;
import java.util.List;
import java.util.Objects;

/**
 * A request to apply a drafted upgrade.
 *
 * @param upgradeId the upgrade id
 * @param draftRef the kernel's draft reference
 * @param manifestDigest the manifest digest the draft was made for
 * @param emergency true for an emergency apply (threshold not yet met; a ratification window opens)
 * @param approvers the approver ids IDEA counted, sorted (empty for an emergency apply without approvals)
 * @param actor who applies
 * @since 0.2
 */
public record UpgradeApplyRequest(String upgradeId, String draftRef, Digest manifestDigest, boolean emergency,
                                  List<String> approvers, String actor) {

    /** Validates presence and copies the approvers. */
    public UpgradeApplyRequest {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(draftRef, "draftRef");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        approvers = List.copyOf(approvers);
        Objects.requireNonNull(actor, "actor");
    }
}
