package dev.idea.api.guard;

/**
 * The gate of one {@link GuardPolicy}, obtained from {@link dev.idea.api.Idea#guard(GuardPolicy)}.
 *
 * <p>Thread-safe.
 *
 * <p>Security guarantees: fails closed: a policy with a risk threshold denies a request without a
 * score, and a policy with windows denies an APPLY outside all of them. Every decision, allowed or
 * denied, is appended to the audit chain before it is returned; if the append fails, no decision is
 * returned.
 *
 * @since 0.2
 */
public interface Guard {

    /**
     * Evaluates a request at the clock's current instant and records the decision as an audit event.
     *
     * @param request what is asked
     * @return the decision with every reason
     */
    GateResult evaluate(GateRequest request);

    /**
     * Returns the policy this gate applies.
     *
     * @return the policy
     */
    GuardPolicy policy();
}
