package dev.idea.api.identity;

import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;

/**
 * Thrown when an access token is refused, the issuer's keys cannot be obtained, or identity settings
 * are invalid.
 *
 * <p>Carries one of the {@code IDENTITY_*} error codes (e.g. {@link ErrorCode#IDENTITY_TOKEN_EXPIRED})
 * or {@link ErrorCode#CONFIG_INVALID}. Messages never contain the token itself, only its key id,
 * algorithm and the claim that failed.
 *
 * @since 0.1
 */
public class IdentityException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed
     * @param message what happened, the value, and how to fix it
     */
    public IdentityException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param errorCode what failed
     * @param message what happened, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    public IdentityException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
