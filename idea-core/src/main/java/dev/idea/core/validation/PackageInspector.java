package dev.idea.core.validation;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationCheck;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.core.codec.ValidationReportCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * The minimal validation every package passes before a manifest is built: non-empty, within the
 * size limit, the expected SHA-256 when one is given, and readable to its end as the archive it
 * claims to be.
 *
 * <p>Reads the package once, streaming, in bounded memory. Stateless and thread-safe.
 */
public final class PackageInspector {
    private static final int BUFFER = 64 * 1024;

    private PackageInspector() {
    }

    /**
     * Validates a package.
     *
     * @param source the package
     * @param limits bounds to apply
     * @param expectedSha256 the checksum the submitter expects, or null
     * @return the report, every check passed
     * @throws ValidationException with {@link ErrorCode#PACKAGE_EMPTY}, {@link ErrorCode#PACKAGE_TOO_LARGE},
     *     {@link ErrorCode#PACKAGE_CHECKSUM_MISMATCH}, {@link ErrorCode#PACKAGE_UNREADABLE} or
     *     {@link ErrorCode#PACKAGE_SOURCE_UNAVAILABLE}
     */
    public static ValidationReport inspect(PackageSource source, ValidationLimits limits, Digest expectedSha256) {
        long size = source.size();
        if (size == 0) {
            throw new ValidationException(ErrorCode.PACKAGE_EMPTY, source.describe()
                    + " is empty (0 bytes); submit the package archive itself");
        }
        if (size > limits.maxPackageBytes()) {
            throw new ValidationException(ErrorCode.PACKAGE_TOO_LARGE, source.describe() + " is " + size
                    + " bytes; the limit is " + limits.maxPackageBytes() + " bytes (ValidationLimits.maxPackageBytes)");
        }
        MessageDigest sha256 = dev.idea.api.HashAlgorithm.SHA_256.newMessageDigest();
        ArchiveSummary summary;
        long read;
        try (InputStream raw = source.open();
             CountingInputStream counted = new CountingInputStream(new DigestInputStream(raw, sha256));
             BufferedInputStream in = new BufferedInputStream(counted, BUFFER)) {
            summary = ArchiveReader.read(in, limits, source.describe());
            in.transferTo(OutputSink.INSTANCE);
            read = counted.count();
        } catch (IOException e) {
            throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, source.describe() + " cannot be read: " + e, e);
        }
        if (read != size) {
            throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, source.describe() + " changed while it was read ("
                    + size + " bytes expected, " + read + " read); submit a package that is not being written");
        }
        Digest digest = Digest.ofSha256(sha256.digest());
        if (expectedSha256 != null && !expectedSha256.equals(digest)) {
            throw new ValidationException(ErrorCode.PACKAGE_CHECKSUM_MISMATCH, source.describe() + " has " + digest
                    + " but the submission expects " + expectedSha256 + "; re-upload the package or correct the checksum");
        }
        List<ValidationCheck> checks = List.of(
                new ValidationCheck("size", true, size + " bytes, limit " + limits.maxPackageBytes()),
                new ValidationCheck("sha256", true, expectedSha256 == null ? digest + " (no expected value given)"
                        : digest + " matches the expected value"),
                new ValidationCheck("archive", true, summary.format() + ", " + summary.entries() + " entries, "
                        + summary.uncompressedBytes() + " bytes uncompressed"));
        return ValidationReportCodec.seal(digest, size, summary.format(), summary.entries(), checks, limits);
    }
}
