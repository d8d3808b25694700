package dev.idea.core.internal.json;

/**
 * A JSON boolean value, {@code true} or {@code false}.
 *
 * <p>Immutable and thread-safe. Prefer {@link #TRUE}, {@link #FALSE} or {@link #of(boolean)} to
 * creating new instances.
 *
 * @param value the boolean
 * @since 0.1
 */
public record JsonBoolean(boolean value) implements JsonValue {
    /** The JSON literal {@code true}. */
    public static final JsonBoolean TRUE = new JsonBoolean(true);
    /** The JSON literal {@code false}. */
    public static final JsonBoolean FALSE = new JsonBoolean(false);

    /**
     * Returns the shared instance for a boolean.
     *
     * @param value the boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
