package dev.idea.api.simulation;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;

/**
 * Thrown when a simulation spec or model is refused, or a run is interrupted.
 *
 * <p>The {@link #errorCode()} is one of the {@code SIMULATION_*} codes; the message names the field,
 * the offending value and how to fix it. A replayed record that does not match is reported with a
 * {@link dev.idea.api.VerificationException} instead.
 *
 * @since 0.1
 */
public class SimulationException extends IdeaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     */
    public SimulationException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param errorCode what failed, never null
     * @param message what happened, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    public SimulationException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
