package dev.idea.api;

/**
 * How much a change can hurt; decides how many approvals it needs.
 *
 * @since 0.1
 */
public enum Impact {
    /** Routine change; no approval needed. */
    LOW,
    /** Noticeable change; no approval needed by default. */
    MEDIUM,
    /** Needs an m-of-n quorum of approvers. */
    HIGH,
    /** Needs an m-of-n quorum including a security officer. */
    CRITICAL
}
