package dev.idea.core.internal.json;

/**
 * Bounds that {@link Json} enforces while parsing untrusted JSON.
 *
 * <p>Immutable and thread-safe. Exceeding {@code maxBytes} or {@code maxStringLength} fails with
 * {@code JSON_TOO_LARGE}; nesting objects and arrays deeper than {@code maxDepth} fails with
 * {@code JSON_TOO_DEEP}.
 *
 * @param maxBytes largest accepted document, in bytes; 1 or more
 * @param maxDepth deepest accepted nesting of objects and arrays (the top-level container is
 *     depth 1); 1 to {@link #MAX_DEPTH_CEILING}
 * @param maxStringLength longest accepted string or member name, in UTF-16 code units; 1 or more
 * @since 0.1
 */
public record JsonLimits(int maxBytes, int maxDepth, int maxStringLength) {
    /** Default document size limit: 16 MiB. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
    /** Default nesting limit: 64. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default string length limit: 4 Mi UTF-16 code units. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 4 * 1024 * 1024;
    /** Highest accepted {@code maxDepth}; the parser recurses once per level. */
    public static final int MAX_DEPTH_CEILING = 1000;
    /** The defaults: 16 MiB, depth 64, strings of 4 Mi code units. */
    public static final JsonLimits DEFAULT =
            new JsonLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_LENGTH);

    /**
     * Creates limits.
     *
     * @throws IllegalArgumentException if a limit is not positive or {@code maxDepth} exceeds
     *     {@link #MAX_DEPTH_CEILING}
     */
    public JsonLimits {
        requirePositive("maxBytes", maxBytes);
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxStringLength", maxStringLength);
        if (maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth must be at most " + MAX_DEPTH_CEILING
                    + " but was " + maxDepth + "; flatten the documents instead of raising the limit");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive but was " + value
                    + "; use JsonLimits.DEFAULT for the defaults");
        }
    }
}
