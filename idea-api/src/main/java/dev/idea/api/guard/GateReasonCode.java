package dev.idea.api.guard;

/**
 * Why the gate denied an action.
 *
 * @since 0.2
 */
public enum GateReasonCode {
    /** None of the actor's roles may perform the action. */
    ROLE_NOT_PERMITTED,
    /** The instant lies in a freeze period. */
    FREEZE_PERIOD,
    /** The instant lies in no maintenance window or one-time window. */
    OUTSIDE_MAINTENANCE_WINDOW,
    /** The policy has a risk threshold but the request carries no risk score. */
    RISK_SCORE_MISSING,
    /** The risk score is above the policy's {@code max_score}. */
    RISK_SCORE_ABOVE_MAXIMUM,
    /** A condition listed under the policy's {@code deny_on} holds. */
    DENY_CONDITION
}
