package dev.idea.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a validator found in a package, located precisely enough for the submitter to fix it.
 *
 * @param severity how serious it is; an {@link Severity#ERROR} fails the validator
 * @param rule a stable identifier of the rule, e.g. {@code secrets.private-key}
 * @param message what was found and how to fix it (never a secret itself)
 * @param path the package entry, or {@code ""} for the package as a whole
 * @param line 1-based line number, or 0 when not applicable
 * @param offset 0-based byte offset within the entry, or -1 when not applicable
 * @since 0.1
 */
public record ValidationFinding(Severity severity, String rule, String message, String path, long line, long offset) {

    /** The order of findings in a report: path, line, offset, rule, severity, message. */
    public static final Comparator<ValidationFinding> ORDER = Comparator.comparing(ValidationFinding::path)
            .thenComparingLong(ValidationFinding::line)
            .thenComparingLong(ValidationFinding::offset)
            .thenComparing(ValidationFinding::rule)
            .thenComparing(ValidationFinding::severity)
            .thenComparing(ValidationFinding::message);

    /** Validates the fields. */
    public ValidationFinding {
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
