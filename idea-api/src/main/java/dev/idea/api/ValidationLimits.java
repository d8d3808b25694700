package dev.idea.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds applied while validating a package: sizes, archive shape, and how long validators may run.
 *
 * <p>In the spirit of jackson's {@code StreamReadConstraints}, every bound has a named default
 * constant. Archive bounds are enforced while the package is read, so that a hostile archive is
 * refused before it can fill a disk or the heap.
 *
 * @param maxPackageBytes largest accepted package, in bytes
 * @param maxEntries largest number of archive entries
 * @param maxUncompressedBytes largest total of uncompressed entry sizes (hard links count again)
 * @param maxCompressionRatio largest ratio of uncompressed to compressed bytes, checked once more
 *     than {@link #RATIO_GRACE_BYTES} have been expanded
 * @param maxPathDepth largest number of path components of one entry
 * @param maxPathBytes largest length of one entry path, in UTF-8 bytes
 * @param validatorTimeout how long one validator may run before its outcome is TIMEOUT
 * @param validationBudget how long all validators of one package may run together
 * @since 0.1
 */
public record ValidationLimits(long maxPackageBytes, long maxEntries, long maxUncompressedBytes,
                               long maxCompressionRatio, int maxPathDepth, int maxPathBytes,
                               Duration validatorTimeout, Duration validationBudget) {

    /** Default largest package: 1 GiB. */
    public static final long DEFAULT_MAX_PACKAGE_BYTES = 1L << 30;
    /** Default largest number of archive entries: 100,000. */
    public static final long DEFAULT_MAX_ENTRIES = 100_000;
    /** Default largest uncompressed total: 4 GiB. */
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 4L << 30;
    /** Default largest compression ratio: 100 (text compresses about 5-20 times; zeros about 1000). */
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 100;
    /** Default largest path depth: 32 components. */
    public static final int DEFAULT_MAX_PATH_DEPTH = 32;
    /** Default largest path length: 1024 UTF-8 bytes. */
    public static final int DEFAULT_MAX_PATH_BYTES = 1024;
    /** Default time one validator may take: 60 seconds. */
    public static final Duration DEFAULT_VALIDATOR_TIMEOUT = Duration.ofSeconds(60);
    /** Default time all validators of one package may take together: 5 minutes. */
    public static final Duration DEFAULT_VALIDATION_BUDGET = Duration.ofMinutes(5);
    /**
     * Uncompressed bytes expanded before the compression ratio is enforced (16 MiB), so that small,
     * very compressible files (empty configuration files, sparse logs) are not mistaken for bombs.
     */
    public static final long RATIO_GRACE_BYTES = 16L << 20;

    /** Validates that every bound is positive. */
    public ValidationLimits {
        requirePositive(maxPackageBytes, "maxPackageBytes");
        requirePositive(maxEntries, "maxEntries");
        requirePositive(maxUncompressedBytes, "maxUncompressedBytes");
        requirePositive(maxCompressionRatio, "maxCompressionRatio");
        requirePositive(maxPathDepth, "maxPathDepth");
        requirePositive(maxPathBytes, "maxPathBytes");
        requirePositive(validatorTimeout, "validatorTimeout");
        requirePositive(validationBudget, "validationBudget");
    }

    /**
     * Creates limits with the given size bounds and the defaults for everything else.
     *
     * @param maxPackageBytes largest accepted package, in bytes
     * @param maxEntries largest number of archive entries
     * @param maxUncompressedBytes largest total of uncompressed entry sizes
     */
    public ValidationLimits(long maxPackageBytes, long maxEntries, long maxUncompressedBytes) {
        this(maxPackageBytes, maxEntries, maxUncompressedBytes, DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_PATH_DEPTH,
                DEFAULT_MAX_PATH_BYTES, DEFAULT_VALIDATOR_TIMEOUT, DEFAULT_VALIDATION_BUDGET);
    }

    /**
     * Returns the documented defaults.
     *
     * @return the default limits
     */
    public static ValidationLimits defaults() {
        return new ValidationLimits(DEFAULT_MAX_PACKAGE_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_UNCOMPRESSED_BYTES);
    }

    /**
     * Returns a copy with another package size bound.
     *
     * @param bytes the new bound, at least 1
     * @return the new limits
     */
    public ValidationLimits withMaxPackageBytes(long bytes) {
        return new ValidationLimits(bytes, maxEntries, maxUncompressedBytes, maxCompressionRatio, maxPathDepth,
                maxPathBytes, validatorTimeout, validationBudget);
    }

    /**
     * Returns a copy with other archive bounds.
     *
     * @param entries the new entry bound
     * @param uncompressedBytes the new uncompressed total bound
     * @param compressionRatio the new compression ratio bound
     * @return the new limits
     */
    public ValidationLimits withArchiveBounds(long entries, long uncompressedBytes, long compressionRatio) {
        return new ValidationLimits(maxPackageBytes, entries, uncompressedBytes, compressionRatio, maxPathDepth,
                maxPathBytes, validatorTimeout, validationBudget);
    }

    /**
     * Returns a copy with other validator deadlines.
     *
     * @param perValidator how long one validator may run
     * @param budget how long all validators of one package may run together
     * @return the new limits
     */
    public ValidationLimits withTimeouts(Duration perValidator, Duration budget) {
        return new ValidationLimits(maxPackageBytes, maxEntries, maxUncompressedBytes, maxCompressionRatio, maxPathDepth,
                maxPathBytes, perValidator, budget);
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, name + " must be at least 1, got " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, name + " must be positive, got " + value);
        }
    }
}
