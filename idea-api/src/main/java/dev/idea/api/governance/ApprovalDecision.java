package dev.idea.api.governance;

import dev.idea.api.ApprovalException;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.Impact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of counting approvals for one manifest against a policy and a trust store.
 *
 * <p>Immutable and thread-safe. Equal inputs, in any order, give equal decisions: counted approvals
 * are sorted by approver id, refused ones by statement digest.
 *
 * @param manifestDigest the manifest the approvals were counted for
 * @param impact the change's impact tier
 * @param requirement the policy's requirement for that tier, as {@link ApprovalGroup#describe()}
 * @param met whether the counted approvals meet the requirement
 * @param counted the approvals that counted, one per distinct approver (and so per distinct key)
 * @param refused the approvals that did not count, each with its reason
 * @param trustStoreVersion the version of the trust store used
 * @param evaluatedAt the instant the approvals were evaluated at
 * @since 0.2
 */
public record ApprovalDecision(Digest manifestDigest, Impact impact, String requirement, boolean met,
                               List<CountedApproval> counted, List<RefusedApproval> refused, long trustStoreVersion,
                               Instant evaluatedAt) {

    /** Validates presence and copies the lists. */
    public ApprovalDecision {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(requirement, "requirement");
        counted = List.copyOf(counted);
        refused = List.copyOf(refused);
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    }

    /**
     * Returns this decision when it is met, and throws otherwise.
     *
     * @return this decision
     * @throws ApprovalException with {@link ErrorCode#APPROVAL_THRESHOLD_NOT_MET} naming the
     *     requirement, the approvers counted and every refusal with its reason
     */
    public ApprovalDecision requireMet() {
        if (met) {
            return this;
        }
        StringBuilder sb = new StringBuilder("manifest ").append(manifestDigest).append(" (").append(impact)
                .append(") needs ").append(requirement).append(" but ").append(counted.size())
                .append(" approval(s) counted: [");
        for (int i = 0; i < counted.size(); i++) {
            CountedApproval c = counted.get(i);
            sb.append(i == 0 ? "" : ", ").append(c.approverId()).append(' ').append(c.roles());
        }
        sb.append(']');
        if (!refused.isEmpty()) {
            sb.append("; not counted: [");
            for (int i = 0; i < refused.size(); i++) {
                RefusedApproval r = refused.get(i);
                sb.append(i == 0 ? "" : ", ").append(r.approverId().isEmpty() ? "?" : r.approverId()).append(' ')
                        .append(r.reason());
            }
            sb.append(']');
        }
        sb.append("; collect approvals from more distinct approvers holding the required roles");
        throw new ApprovalException(ErrorCode.APPROVAL_THRESHOLD_NOT_MET, sb.toString());
    }
}
