package dev.idea.spi.validation;

import java.util.Objects;

/**
 * One thing a validator found, located precisely enough for the submitter to fix it.
 *
 * @param severity how serious it is; an {@link Severity#ERROR} fails the validator
 * @param rule a stable identifier of the rule, e.g. {@code secrets.private-key}
 * @param message what was found and how to fix it (never the secret itself)
 * @param path the entry, or {@code ""} for the package as a whole
 * @param line 1-based line number, or 0 when not applicable
 * @param offset 0-based byte offset within the entry, or -1 when not applicable
 * @since 0.1
 */
public record Finding(Severity severity, String rule, String message, String path, long line, long offset) {

    /** Validates the fields. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
        if (line < 0 || offset < -1) {
            throw new IllegalArgumentException("line must be >= 0 and offset >= -1, got " + line + ", " + offset);
        }
    }

    /** How serious a finding is. */
    public enum Severity {
        /** Worth knowing; does not fail the validator. */
        INFO,
        /** Needs review; does not fail the validator. */
        WARNING,
        /** Fails the validator. */
        ERROR
    }
}
