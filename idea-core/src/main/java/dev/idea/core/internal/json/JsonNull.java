package dev.idea.core.internal.json;

/**
 * The JSON literal {@code null}.
 *
 * <p>A singleton; immutable and thread-safe.
 *
 * @since 0.1
 */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE
}
