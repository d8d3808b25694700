package dev.idea.api.guard;

/**
 * What an actor asks the guard to do.
 *
 * @since 0.2
 */
public enum GuardAction {
    /** Submit a package for release. */
    SUBMIT,
    /** Approve a change. */
    APPROVE,
    /** Apply a change (including an emergency apply). */
    APPLY,
    /** Read the audit trail. */
    AUDIT;

    /**
     * Returns whether the action concerns a change, so that the risk threshold and deny-on
     * conditions apply to it.
     *
     * @return true for SUBMIT, APPROVE and APPLY
     */
    public boolean concernsChange() {
        return this != AUDIT;
    }
}
