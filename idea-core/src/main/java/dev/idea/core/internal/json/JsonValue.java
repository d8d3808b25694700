package dev.idea.core.internal.json;

/**
 * An immutable JSON value: object, array, string, number, boolean or null.
 *
 * <p>Implementations are immutable and thread-safe. Equality is structural; numbers compare by
 * their IEEE 754 double value (with {@code -0} equal to {@code 0}, as RFC 8785 writes both as
 * {@code 0}).
 *
 * @since 0.1
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {
}
