package dev.idea.api.upgrade;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;

/**
 * Thrown when an upgrade transition is refused: unknown upgrade, wrong state, threshold not met,
 * or a kernel record that does not match.
 *
 * @since 0.2
 */
public class UpgradeException extends IdeaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     */
    public UpgradeException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    public UpgradeException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
