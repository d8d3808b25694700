package dev.idea.core.validation;

import dev.idea.api.ValidationFinding;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import java.util.ArrayList;
import java.util.List;

/** Short, human-readable descriptions of a validation report for error messages. Stateless. */
public final class ValidationSummary {
    private static final int MAX_FINDINGS = 5;

    private ValidationSummary() {
    }

    /**
     * Describes why a report did not pass: each validator that failed, errored or timed out, with its
     * first error findings located by file and line.
     *
     * @param report the report
     * @return e.g. {@code license FAILED (LICENSE:1 license.denied: GPL-3.0 is denied)}
     */
    public static String describe(ValidationReport report) {
        List<String> parts = new ArrayList<>();
        for (ValidatorResult v : report.validators()) {
            if (v.passed()) {
                continue;
            }
            List<String> located = new ArrayList<>();
            v.findings().stream().filter(f -> f.severity() == ValidationFinding.Severity.ERROR).limit(MAX_FINDINGS)
                    .forEach(f -> located.add(location(f) + " " + f.rule() + ": " + f.message()));
            long errors = v.findings().stream().filter(f -> f.severity() == ValidationFinding.Severity.ERROR).count();
            if (errors > MAX_FINDINGS) {
                located.add("and " + (errors - MAX_FINDINGS) + " more");
            }
            if (!v.detail().isEmpty()) {
                located.add(v.detail());
            }
            parts.add(v.id() + " " + v.status() + " (" + String.join("; ", located) + ")");
        }
        return parts.isEmpty() ? "a built-in check failed" : String.join(", ", parts);
    }

    /**
     * Formats where a finding applies.
     *
     * @param f the finding
     * @return {@code path:line}, {@code path@offset}, {@code path} or {@code (package)}
     */
    public static String location(ValidationFinding f) {
        String path = f.path().isEmpty() ? "(package)" : f.path();
        if (f.line() > 0) {
            return path + ":" + f.line();
        }
        return f.offset() >= 0 ? path + "@" + f.offset() : path;
    }
}
