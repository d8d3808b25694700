package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.ErrorCode;

/**
 * Which events of a chain must be signed, followed in chain order: none before the first
 * {@code audit.signing} event with {@code state=on}; that event and every later one up to and
 * including the next {@code audit.signing} event with {@code state=off}; and so on.
 *
 * <p>Not thread-safe; one instance per pass over the chain.
 */
public final class SignedRange {
    /** The {@code audit.signing} attribute that says whether signing starts or stops. */
    public static final String STATE = "state";
    /** The {@link #STATE} that starts signing. */
    public static final String ON = "on";
    /** The {@link #STATE} that stops signing after its own event. */
    public static final String OFF = "off";

    private boolean on;

    /** Starts before the first event, with signing off. */
    public SignedRange() {
    }

    /**
     * Returns whether the next event of the chain must be signed, and moves past it.
     *
     * @param event the next event
     * @return true when it must be signed
     * @throws AuditChainException with {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} for an
     *     {@code audit.signing} event whose state is neither on nor off
     */
    public boolean covers(AuditEvent event) {
        if (event.type() != AuditEventType.AUDIT_SIGNING) {
            return on;
        }
        on = isSwitch(event, ON);
        return true;
    }

    static boolean isSwitch(AuditEvent event, String state) {
        if (event.type() != AuditEventType.AUDIT_SIGNING) {
            return false;
        }
        String actual = event.attributes().get(STATE);
        if (!ON.equals(actual) && !OFF.equals(actual)) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "entry " + event.seq() + ": "
                    + AuditEventType.AUDIT_SIGNING.wireName() + " event has " + STATE + " \"" + actual + "\"; it must be "
                    + ON + " or " + OFF + "; the event was not written by IDEA, restore the log from a trusted copy");
        }
        return state.equals(actual);
    }
}
