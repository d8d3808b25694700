package dev.idea.core.internal.json;

import java.util.Objects;

/**
 * A JSON string value.
 *
 * <p>Immutable and thread-safe. The value may hold any UTF-16 text; a lone surrogate is refused
 * when the value is written ({@link Json#write(JsonValue)}), because it cannot be encoded as
 * UTF-8.
 *
 * @param value the text, never null
 * @since 0.1
 */
public record JsonString(String value) implements JsonValue {
    /**
     * Creates a string value.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }
}
