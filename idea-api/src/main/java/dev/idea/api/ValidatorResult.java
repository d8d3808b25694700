package dev.idea.api;

import java.util.List;
import java.util.Objects;

/**
 * What one package validator concluded, as recorded in a {@link ValidationReport}.
 *
 * @param id the validator id, e.g. {@code license}
 * @param version the validator's version
 * @param settingsDigest SHA-256 of the RFC 8785 canonical JSON object of the validator's settings
 * @param status how the validator ended
 * @param findings every finding, sorted by {@link ValidationFinding#ORDER}
 * @param reasons stable reason codes for the guard (e.g. {@code missing_sbom}), sorted
 * @param detail why the validator errored or timed out, or {@code ""}
 * @since 0.1
 */
public record ValidatorResult(String id, String version, Digest settingsDigest, Status status,
                              List<ValidationFinding> findings, List<String> reasons, String detail) {

    /** Validates presence and copies the lists. */
    public ValidatorResult {
        Texts.requireText(id, "validator id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(settingsDigest, "settingsDigest");
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Returns whether the validator passed.
     *
     * @return true for {@link Status#PASSED}
     */
    public boolean passed() {
        return status == Status.PASSED;
    }

    /** How a validator ended. */
    public enum Status {
        /** Ran to its end without an error finding. */
        PASSED,
        /** Ran to its end with at least one error finding. */
        FAILED,
        /** Threw an exception: the package could not be judged. */
        ERROR,
        /** Did not finish within its timeout or the global budget. */
        TIMEOUT
    }
}
