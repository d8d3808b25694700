package dev.idea.api.guard;

import java.util.Objects;

/**
 * One reason the gate denied an action.
 *
 * @param code the rule that denied
 * @param detail a sentence with the values involved and how to proceed
 * @since 0.2
 */
public record GateReason(GateReasonCode code, String detail) {

    /** Validates presence. */
    public GateReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
