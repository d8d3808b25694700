package dev.idea.api.guard;

import dev.idea.api.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gate's decision on one request, with every reason it denied.
 *
 * <p>Immutable and thread-safe.
 *
 * @param allowed true when no rule denied
 * @param request what was asked
 * @param reasons every reason for a denial, in rule order (empty when allowed)
 * @param evaluatedAt the instant the decision was made for (from the injected clock)
 * @param admittedBy the maintenance or one-time window that admitted an APPLY, or null
 * @param auditSeq sequence number of the audit event recording the decision
 * @since 0.2
 */
public record GateResult(boolean allowed, GateRequest request, List<GateReason> reasons, Instant evaluatedAt,
                         String admittedBy, long auditSeq) {

    /** Validates presence and that the decision agrees with the reasons. */
    public GateResult {
        Objects.requireNonNull(request, "request");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        if (allowed != reasons.isEmpty()) {
            throw new IllegalArgumentException("a gate result is allowed exactly when it has no reasons, got allowed="
                    + allowed + " with " + reasons.size() + " reason(s)");
        }
    }

    /**
     * Returns this result when allowed, and throws otherwise.
     *
     * @return this result
     * @throws GuardException with {@link ErrorCode#GUARD_DENIED} listing every reason
     */
    public GateResult requireAllowed() {
        if (allowed) {
            return this;
        }
        StringBuilder sb = new StringBuilder().append(request.action()).append(" by ").append(request.actor())
                .append(" on ").append(request.subject()).append(" at ").append(evaluatedAt).append(" denied: ");
        for (int i = 0; i < reasons.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(reasons.get(i).code()).append(" (").append(reasons.get(i).detail()).append(')');
        }
        throw new GuardException(ErrorCode.GUARD_DENIED, sb.toString());
    }
}
