package dev.idea.api.governance;

/**
 * What an approver decided about a manifest.
 *
 * @since 0.2
 */
public enum Verdict {
    /** The approver approves the change. */
    APPROVE,
    /** The approver rejects the change; it withdraws an earlier approval by the same approver. */
    REJECT
}
