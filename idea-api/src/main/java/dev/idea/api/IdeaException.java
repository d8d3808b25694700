package dev.idea.api;

import java.util.Objects;

/**
 * Root of the one unchecked exception hierarchy that IDEA throws.
 *
 * <p>Every instance carries an {@link ErrorCode}. {@link #getMessage()} starts with the code, e.g.
 * {@code IDEA-1002 JSON_DUPLICATE_KEY: member "a" appears twice at $.b; remove one of them}.
 *
 * @since 0.1
 */
public class IdeaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     */
    public IdeaException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    public IdeaException(ErrorCode errorCode, String message, Throwable cause) {
        super(Objects.requireNonNull(errorCode, "errorCode").code() + " " + errorCode.name() + ": " + message, cause);
        this.errorCode = errorCode;
    }

    /**
     * Returns what failed.
     *
     * @return the error code, never null
     */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
