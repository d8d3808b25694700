package dev.idea.api;

/**
 * Bounds applied while validating a package.
 *
 * @param maxPackageBytes largest accepted package, in bytes
 * @param maxEntries largest number of archive entries
 * @param maxUncompressedBytes largest total of uncompressed entry sizes
 * @since 0.1
 */
public record ValidationLimits(long maxPackageBytes, long maxEntries, long maxUncompressedBytes) {

    /** Default largest package: 1 GiB. */
    public static final long DEFAULT_MAX_PACKAGE_BYTES = 1L << 30;
    /** Default largest number of archive entries: 100,000. */
    public static final long DEFAULT_MAX_ENTRIES = 100_000;
    /** Default largest uncompressed total: 4 GiB. */
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 4L << 30;

    /** Validates that every bound is positive. */
    public ValidationLimits {
        requirePositive(maxPackageBytes, "maxPackageBytes");
        requirePositive(maxEntries, "maxEntries");
        requirePositive(maxUncompressedBytes, "maxUncompressedBytes");
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
        return new ValidationLimits(bytes, maxEntries, maxUncompressedBytes);
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, name + " must be at least 1, got " + value);
        }
    }
}
