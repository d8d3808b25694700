package dev.idea.api.governance;

import dev.idea.api.Digest;
import java.util.Objects;

/**
 * An approval that did not count, and why.
 *
 * @param statementDigest the approval's {@link Approval#statementDigest()}
 * @param approverId the approver id the statement claims, or {@code ""} when it could not be decoded;
 *     not authenticated when the reason is {@link RefusalReason#MALFORMED},
 *     {@link RefusalReason#UNKNOWN_SIGNER} or {@link RefusalReason#BAD_SIGNATURE}
 * @param reason why it did not count
 * @param detail a sentence with the values involved, for people
 * @since 0.2
 */
public record RefusedApproval(Digest statementDigest, String approverId, RefusalReason reason, String detail) {

    /** Validates presence. */
    public RefusedApproval {
        Objects.requireNonNull(statementDigest, "statementDigest");
        Objects.requireNonNull(approverId, "approverId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
