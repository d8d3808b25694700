package dev.idea.api;

/**
 * Thrown when an approval was refused or a required quorum is missing.
 *
 * <p>The {@link #errorCode()} tells which rule failed; the message names the offending value and
 * how to fix it.
 *
 * @since 0.1
 */
public class ApprovalException extends IdeaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     */
    public ApprovalException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    public ApprovalException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
