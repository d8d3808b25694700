package dev.idea.cli;

/**
 * A failure of the command line itself (a missing file, an unusable directory), reported as one
 * {@code error:} line with exit code 2.
 */
final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, the value, and how to fix it
     * @param cause the underlying failure, may be null
     */
    CommandException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong, the value, and how to fix it
     */
    CommandException(String message) {
        this(message, null);
    }
}
