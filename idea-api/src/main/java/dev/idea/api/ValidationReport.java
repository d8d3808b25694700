package dev.idea.api;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The reproducible result of validating one package: an in-toto Statement v1 about the package
 * digest, with predicate type {@value #PREDICATE_TYPE}, carried in a DSSE envelope.
 *
 * <p>The statement holds no time and no host-specific data, and its findings are sorted, so the same
 * package validated by the same validators under the same settings and limits gives byte-identical
 * statement bytes and the same {@link #reportDigest()}: SHA-256 of the statement, the envelope's
 * payload (see {@code docs/formats/validation-report.md}). The digest goes into the manifest's
 * preconditions.
 *
 * <p>Security guarantees: when the engine has a signing key (a KMS is configured), the envelope is
 * signed with it over the DSSE PAE; otherwise it carries no signature and only the digest, anchored
 * in the signed manifest, vouches for it.
 *
 * @param packageDigest SHA-256 of the package
 * @param size package length in bytes
 * @param format detected format: {@code tar+gzip}, {@code tar}, {@code zip}, {@code gzip} or {@code file}
 * @param entries number of archive entries (1 for a plain file)
 * @param checks the built-in checks that ran (size, sha256, archive), in order
 * @param validators the outcome of each configured validator, sorted by id
 * @param envelope the DSSE envelope whose payload is the statement
 * @param reportDigest SHA-256 of the statement bytes
 * @since 0.1
 */
public record ValidationReport(Digest packageDigest, long size, String format, long entries,
                               List<ValidationCheck> checks, List<ValidatorResult> validators,
                               DsseEnvelope envelope, Digest reportDigest) {

    /** DSSE payload type of the envelope: an in-toto statement. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    /** The in-toto statement type. */
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    /** The predicate type of a validation report. */
    public static final String PREDICATE_TYPE = "https://idea.dev/validation-report/v1";

    /** Validates presence and copies the lists. */
    public ValidationReport {
        Objects.requireNonNull(packageDigest, "packageDigest");
        Texts.requireText(format, "format");
        checks = List.copyOf(checks);
        validators = List.copyOf(validators);
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(reportDigest, "reportDigest");
    }

    /**
     * Returns whether every check and every validator passed.
     *
     * @return true when nothing failed, errored or timed out
     */
    public boolean passed() {
        return checks.stream().allMatch(ValidationCheck::passed) && validators.stream().allMatch(ValidatorResult::passed);
    }

    /**
     * Returns the guard reasons of all validators, sorted and without duplicates.
     *
     * @return e.g. {@code [missing_sbom]}
     */
    public List<String> reasons() {
        TreeSet<String> all = new TreeSet<>();
        validators.forEach(v -> all.addAll(v.reasons()));
        return List.copyOf(all);
    }
}
