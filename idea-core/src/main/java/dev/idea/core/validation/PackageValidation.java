package dev.idea.core.validation;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.ValidationCheck;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import dev.idea.core.codec.ValidationReportCodec;
import dev.idea.spi.kernel.SigningKey;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The package validation pipeline: size bounds, one streaming pass that computes SHA-256 (and SHA-512
 * when a validator of the package type asks for it) and unpacks
 * the archive safely into a private sandbox, the validators configured for the package type (in
 * parallel, with timeouts), and a reproducible report: an in-toto statement in a DSSE envelope.
 *
 * <p>When the package type has no validator, nothing is unpacked to disk (a zip is still copied, to
 * read its central directory) and the report holds the built-in checks only. The sandbox is removed
 * when validation ends, whether it passed, failed or threw.
 *
 * <p>Thread-safe: each call has its own sandbox and counters.
 *
 * <p>Security guarantees: the package is treated as hostile; see {@link EntryPolicy} and
 * {@link Sandbox}. When a signing key is given, the report envelope is signed with it over the DSSE
 * PAE; the key is used, never seen.
 */
public final class PackageValidation {
    private final ValidationProfile profile;
    private final ValidationLimits limits;
    private final Path sandboxParent;
    private final SigningKey signingKey;
    private final ValidatorRunner runner;

    /**
     * Creates the pipeline.
     *
     * @param profile the validators of each package type
     * @param limits the bounds
     * @param sandboxParent where sandboxes are created
     * @param signingKey signs report envelopes, or null to leave them unsigned
     * @param parallelism how many validators may run at once, at least 1
     */
    public PackageValidation(ValidationProfile profile, ValidationLimits limits, Path sandboxParent, SigningKey signingKey,
                             int parallelism) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sandboxParent = Objects.requireNonNull(sandboxParent, "sandboxParent");
        this.signingKey = signingKey;
        this.runner = new ValidatorRunner(Math.max(1, parallelism), limits.validatorTimeout(), limits.validationBudget());
    }

    /**
     * Validates a package.
     *
     * @param source the package
     * @param packageType selects the validators, e.g. {@code service-release}
     * @param expectedSha256 the checksum the submitter expects, or null
     * @return the report; it may not have {@link ValidationReport#passed() passed} when a validator failed
     * @throws ValidationException with {@code PACKAGE_*} or {@code ARCHIVE_*} codes when the package
     *     itself is refused (empty, too large, wrong checksum, hostile or corrupt archive)
     */
    public ValidationReport validate(PackageSource source, String packageType, Digest expectedSha256) {
        long size = source.size();
        if (size == 0) {
            throw new ValidationException(ErrorCode.PACKAGE_EMPTY, source.describe()
                    + " is empty (0 bytes); submit the package archive itself");
        }
        if (size > limits.maxPackageBytes()) {
            throw new ValidationException(ErrorCode.PACKAGE_TOO_LARGE, source.describe() + " is " + size
                    + " bytes; the limit is " + limits.maxPackageBytes() + " bytes (ValidationLimits.maxPackageBytes)");
        }
        List<ConfiguredValidator> validators = profile.forType(packageType);
        try (Sandbox sandbox = Sandbox.create(sandboxParent)) {
            ArchiveUnpacker.Unpacked unpacked = ArchiveUnpacker.unpack(source, limits, sandbox, !validators.isEmpty(),
                    packageDigests(validators));
            if (unpacked.bytesRead() != size) {
                throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, source.describe() + " changed while it was read ("
                        + size + " bytes expected, " + unpacked.bytesRead() + " read); submit a package that is not being written");
            }
            Digest digest = unpacked.digest();
            if (expectedSha256 != null && !expectedSha256.equals(digest)) {
                throw new ValidationException(ErrorCode.PACKAGE_CHECKSUM_MISMATCH, source.describe() + " has " + digest
                        + " but the submission expects " + expectedSha256 + "; re-upload the package or correct the checksum");
            }
            List<ValidationCheck> checks = List.of(
                    new ValidationCheck("size", true, size + " bytes, limit " + limits.maxPackageBytes()),
                    new ValidationCheck("sha256", true, expectedSha256 == null ? digest + " (no expected value given)"
                            : digest + " matches the expected value"),
                    new ValidationCheck("archive", true, unpacked.format() + ", " + unpacked.entries().size() + " entries, "
                            + unpacked.uncompressedBytes() + " bytes uncompressed"));
            List<ValidatorResult> results = validators.isEmpty() ? List.of()
                    : runner.run(validators, new UnpackedPackage(unpacked.digests(), size, unpacked.format(), unpacked.entries(),
                            sandbox.root()));
            return seal(packageType, digest, size, unpacked.format(), unpacked.entries().size(), checks, results);
        }
    }

    /** The digests the validators asked for beyond SHA-256, computed in the same read pass only when asked. */
    private static EnumSet<HashAlgorithm> packageDigests(List<ConfiguredValidator> validators) {
        EnumSet<HashAlgorithm> all = EnumSet.noneOf(HashAlgorithm.class);
        validators.forEach(v -> all.addAll(v.packageDigests()));
        return all;
    }

    private ValidationReport seal(String packageType, Digest digest, long size, String format, long entries,
                                  List<ValidationCheck> checks, List<ValidatorResult> results) {
        Bytes statement = ValidationReportCodec.statement(packageType, digest, size, format, entries, checks, results, limits);
        List<DsseSignature> signatures = signingKey == null ? List.of()
                : List.of(new DsseSignature(signingKey.publicKey().keyId(),
                        signingKey.sign(DsseEnvelope.pae(ValidationReport.PAYLOAD_TYPE, statement))));
        DsseEnvelope envelope = new DsseEnvelope(ValidationReport.PAYLOAD_TYPE, statement, signatures);
        return new ValidationReport(digest, size, format, entries, checks, results, envelope, Digest.sha256(statement));
    }
}
