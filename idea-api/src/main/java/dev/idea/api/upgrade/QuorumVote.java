package dev.idea.api.upgrade;

import dev.idea.api.Digest;
import java.util.Objects;

/**
 * How one stored approval fared when IDEA counted the approvals of an upgrade.
 *
 * @param statementDigest SHA-256 of the approval envelope's DSSE pre-authentication encoding
 * @param approverId the approver id, or {@code ""} when the statement could not be attributed;
 *     authenticated only when {@code counted} is true
 * @param counted whether the approval counted towards the threshold
 * @param reason why it did not count (e.g. {@code EXPIRED}, {@code MISSING_ROLE}), or {@code ""} when counted
 * @since 0.2
 */
public record QuorumVote(Digest statementDigest, String approverId, boolean counted, String reason) {

    /** Validates presence and that refused votes carry a reason. */
    public QuorumVote {
        Objects.requireNonNull(statementDigest, "statementDigest");
        Objects.requireNonNull(approverId, "approverId");
        Objects.requireNonNull(reason, "reason");
        if (!counted && reason.isBlank()) {
            throw new IllegalArgumentException("a vote that did not count needs a reason, statement " + statementDigest);
        }
    }
}
