package dev.idea.core.internal.json;

import java.util.List;

/**
 * A JSON array: an ordered list of values.
 *
 * <p>Immutable and thread-safe; the list is copied on construction and cannot be modified.
 *
 * @param values the elements in order, never null and without null elements
 * @since 0.1
 */
public record JsonArray(List<JsonValue> values) implements JsonValue {
    /**
     * Creates an array value.
     *
     * @throws NullPointerException if {@code values} or one of its elements is null
     */
    public JsonArray {
        values = List.copyOf(values);
    }
}
