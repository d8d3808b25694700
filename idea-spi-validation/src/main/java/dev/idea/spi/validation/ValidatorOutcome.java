package dev.idea.spi.validation;

import java.util.List;

/**
 * What one validator concluded.
 *
 * @param findings every finding, in a deterministic order (the pipeline sorts them again by path,
 *     line, offset and rule)
 * @param reasons stable reason codes for the guard, e.g. {@code missing_sbom}; empty when none
 * @since 0.1
 */
public record ValidatorOutcome(List<Finding> findings, List<String> reasons) {

    /** Copies the lists. */
    public ValidatorOutcome {
        findings = List.copyOf(findings);
        reasons = List.copyOf(reasons);
    }

    /**
     * Returns whether no finding is an error.
     *
     * @return true when the validator passes
     */
    public boolean passed() {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    /**
     * An outcome without findings.
     *
     * @return a passing outcome
     */
    public static ValidatorOutcome pass() {
        return new ValidatorOutcome(List.of(), List.of());
    }
}
