package dev.idea.api;

import java.util.List;
import java.util.Objects;

/**
 * The reproducible result of validating one package.
 *
 * <p>The report holds no time and no host-specific data, so the same package validated under the
 * same limits gives the same report and the same {@link #reportDigest()}: SHA-256 of the RFC 8785
 * canonical JSON of the other fields (see {@code docs/formats/validation-report.md}).
 *
 * @param packageDigest SHA-256 of the package
 * @param size package length in bytes
 * @param format detected format: {@code tar+gzip}, {@code tar}, {@code zip}, {@code gzip} or {@code file}
 * @param entries number of archive entries (1 for a plain file)
 * @param checks every check that ran, in order
 * @param reportDigest digest of the canonical report
 * @since 0.1
 */
public record ValidationReport(Digest packageDigest, long size, String format, long entries,
                               List<ValidationCheck> checks, Digest reportDigest) {

    /** Validates presence and copies the checks. */
    public ValidationReport {
        Objects.requireNonNull(packageDigest, "packageDigest");
        Texts.requireText(format, "format");
        checks = List.copyOf(checks);
        Objects.requireNonNull(reportDigest, "reportDigest");
    }

    /**
     * Returns whether every check passed.
     *
     * @return true when no check failed
     */
    public boolean passed() {
        return checks.stream().allMatch(ValidationCheck::passed);
    }
}
