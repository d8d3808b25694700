package dev.idea.api.guard;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;

/**
 * Thrown for an invalid guard policy ({@link ErrorCode#GUARD_POLICY_INVALID}) and by
 * {@link GateResult#requireAllowed()} when the gate denied ({@link ErrorCode#GUARD_DENIED}).
 *
 * @since 0.2
 */
public class GuardException extends IdeaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     */
    public GuardException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, field + " is " + (value == null ? "missing" : "blank")
                    + "; set it to a non-empty value");
        }
    }
}
