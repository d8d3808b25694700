package dev.idea.api.rules;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;

/**
 * A rule policy, weights file, context, expression or plan was refused.
 *
 * <p>Carries one of the {@code RULE_*} error codes, e.g. {@link ErrorCode#RULE_POLICY_NOT_FOUND}.
 *
 * @since 0.1
 */
public class RuleException extends IdeaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed
     * @param message what happened, the value, and how to fix it
     */
    public RuleException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param errorCode what failed
     * @param message what happened, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    public RuleException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
