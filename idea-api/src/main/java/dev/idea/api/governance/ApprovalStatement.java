package dev.idea.api.governance;

import dev.idea.api.ApprovalException;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/**
 * The content of an approval: who decided what about which manifest, when, and until when the
 * decision holds.
 *
 * <p>Immutable and thread-safe. It becomes an {@link Approval} once the approver signs it.
 *
 * @param manifestDigest digest of the manifest approved (the canonical manifest JSON)
 * @param verdict approve or reject
 * @param approverId the approver's signer id in the trust store
 * @param issuedAt when the approver decided
 * @param expiresAt first instant at which the decision no longer counts; after {@code issuedAt}
 * @since 0.2
 */
public record ApprovalStatement(Digest manifestDigest, Verdict verdict, String approverId, Instant issuedAt,
                                Instant expiresAt) {

    /**
     * Validates the fields.
     *
     * @throws ApprovalException with {@link ErrorCode#APPROVAL_INVALID} for a bad approver id or
     *     an expiry not after the issue time
     */
    public ApprovalStatement {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(verdict, "verdict");
        GovernanceChecks.id(approverId, "approver id", ErrorCode.APPROVAL_INVALID);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!issuedAt.isBefore(expiresAt)) {
            throw new ApprovalException(ErrorCode.APPROVAL_INVALID, "approval by \"" + approverId + "\" expires at "
                    + expiresAt + ", not after it was issued at " + issuedAt + "; set expires_at later than issued_at");
        }
    }
}
