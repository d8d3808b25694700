package dev.idea.core.internal.json;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A JSON object: members with unique names, kept sorted by UTF-16 code units as RFC 8785 orders
 * them ({@link String#compareTo} order).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()} or obtain one from {@link
 * Json#parseObject}. The {@code require*} accessors throw {@link FormatException} with {@link
 * ErrorCode#JSON_SCHEMA_VIOLATION} when a member is missing or has the wrong type, so callers can
 * read untrusted documents without checking every step.
 *
 * @since 0.1
 */
public final class JsonObject implements JsonValue {
    private static final double MAX_SAFE_INTEGER = 9007199254740992.0; // 2^53

    /** The empty object, {@code {}}. */
    public static final JsonObject EMPTY = new JsonObject(new String[0], new JsonValue[0]);

    private final String[] keys;
    private final JsonValue[] values;
    private JsonMembers members; // created on first use; a racy duplicate is harmless (immutable, final fields)

    /** Takes ownership of {@code keys} (sorted, unique) and {@code values}; callers must not keep them. */
    JsonObject(String[] keys, JsonValue[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * Returns a new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the members in canonical order.
     *
     * @return an unmodifiable map iterating in UTF-16 code unit order of the names
     */
    public Map<String, JsonValue> members() {
        JsonMembers m = members;
        if (m == null) {
            m = new JsonMembers(keys, values);
            members = m;
        }
        return m;
    }

    /**
     * Returns the number of members.
     *
     * @return the member count
     */
    public int size() {
        return keys.length;
    }

    String keyAt(int index) {
        return keys[index];
    }

    JsonValue valueAt(int index) {
        return values[index];
    }

    /**
     * Returns the member with the given name.
     *
     * @param key the member name
     * @return the value, or empty when absent
     */
    public Optional<JsonValue> get(String key) {
        int i = Arrays.binarySearch(keys, Objects.requireNonNull(key, "key"));
        return i >= 0 ? Optional.of(values[i]) : Optional.empty();
    }

    /**
     * Returns a string member.
     *
     * @param key the member name
     * @return the string
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when missing or not a string
     */
    public String requireString(String key) {
        return require(key, JsonString.class, "a string").value();
    }

    /**
     * Returns a string member that may be absent or null.
     *
     * @param key the member name
     * @return the string, or empty when absent or JSON null
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when present with another type
     */
    public Optional<String> optString(String key) {
        return optional(key, JsonString.class, "a string").map(JsonString::value);
    }

    /**
     * Returns an integral number member within the exactly representable range |v| &lt;= 2^53.
     *
     * @param key the member name
     * @return the number as a long
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when missing, not a number, not
     *     integral or out of range
     */
    public long requireLong(String key) {
        double v = require(key, JsonNumber.class, "an integer").value();
        if (v != Math.rint(v) || Math.abs(v) > MAX_SAFE_INTEGER) {
            throw violation("member \"" + key + "\" must be an integer with absolute value at most 2^53 but was "
                    + EcmaNumberFormat.format(v) + "; write a whole number in that range");
        }
        return (long) v;
    }

    /**
     * Returns a boolean member.
     *
     * @param key the member name
     * @return the boolean
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when missing or not a boolean
     */
    public boolean requireBoolean(String key) {
        return require(key, JsonBoolean.class, "a boolean").value();
    }

    /**
     * Returns an object member.
     *
     * @param key the member name
     * @return the object
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when missing or not an object
     */
    public JsonObject requireObject(String key) {
        return require(key, JsonObject.class, "an object");
    }

    /**
     * Returns an array member.
     *
     * @param key the member name
     * @return the array
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when missing or not an array
     */
    public JsonArray requireArray(String key) {
        return require(key, JsonArray.class, "an array");
    }

    /**
     * Returns an object member that may be absent or null.
     *
     * @param key the member name
     * @return the object, or empty when absent or JSON null
     * @throws FormatException {@code JSON_SCHEMA_VIOLATION} when present with another type
     */
    public Optional<JsonObject> optObject(String key) {
        return optional(key, JsonObject.class, "an object");
    }

    private <T extends JsonValue> T require(String key, Class<T> type, String expected) {
        JsonValue v = get(key).orElseThrow(() -> violation("member \"" + key + "\" is missing; add it as "
                + expected + present()));
        if (!type.isInstance(v)) {
            throw wrongType(key, expected, v);
        }
        return type.cast(v);
    }

    private String present() {
        if (keys.length == 0) {
            return " (the object is empty)";
        }
        int shown = Math.min(keys.length, 10);
        StringBuilder sb = new StringBuilder(" (members present: ");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(JsonPathTracker.quote(keys[i]));
        }
        return sb.append(keys.length > shown ? ", ...)" : ")").toString();
    }

    private <T extends JsonValue> Optional<T> optional(String key, Class<T> type, String expected) {
        JsonValue v = get(key).orElse(JsonNull.INSTANCE);
        if (v == JsonNull.INSTANCE) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw wrongType(key, expected, v);
        }
        return Optional.of(type.cast(v));
    }

    private static FormatException wrongType(String key, String expected, JsonValue actual) {
        return violation("member \"" + key + "\" must be " + expected + " but was " + typeName(actual)
                + "; change its value to " + expected);
    }

    private static FormatException violation(String message) {
        return new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, message);
    }

    static String typeName(JsonValue v) {
        if (v instanceof JsonObject) {
            return "an object";
        } else if (v instanceof JsonArray) {
            return "an array";
        } else if (v instanceof JsonString) {
            return "a string";
        } else if (v instanceof JsonNumber) {
            return "a number";
        } else if (v instanceof JsonBoolean) {
            return "a boolean";
        }
        return "null";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && Arrays.equals(keys, other.keys) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    /**
     * Returns the canonical RFC 8785 text of this object.
     *
     * @return canonical JSON text
     */
    @Override
    public String toString() {
        return new String(Json.write(this), StandardCharsets.UTF_8);
    }

    /**
     * A mutable builder of {@link JsonObject}; not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final TreeMap<String, JsonValue> members = new TreeMap<>();

        Builder() {
        }

        /**
         * Adds a member.
         *
         * @param key the member name, never null
         * @param value the value, never null
         * @return this builder
         * @throws IllegalArgumentException if {@code key} was already added
         */
        public Builder put(String key, JsonValue value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (members.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("member \"" + key
                        + "\" was already added to this JSON object; JSON objects need unique names");
            }
            return this;
        }

        /**
         * Adds a string member.
         *
         * @param key the member name
         * @param value the string, never null
         * @return this builder
         * @throws IllegalArgumentException if {@code key} was already added
         */
        public Builder put(String key, String value) {
            return put(key, new JsonString(value));
        }

        /**
         * Adds an integer member.
         *
         * @param key the member name
         * @param value the integer, with absolute value at most 2^53 so that it stays exact
         * @return this builder
         * @throws IllegalArgumentException if {@code key} was already added or the value is out of range
         */
        public Builder put(String key, long value) {
            if (value > (1L << 53) || value < -(1L << 53)) {
                throw new IllegalArgumentException("member \"" + key + "\": " + value
                        + " is outside the exact JSON integer range [-2^53, 2^53]; encode it as a string");
            }
            return put(key, new JsonNumber(value));
        }

        /**
         * Adds a boolean member.
         *
         * @param key the member name
         * @param value the boolean
         * @return this builder
         * @throws IllegalArgumentException if {@code key} was already added
         */
        public Builder put(String key, boolean value) {
            return put(key, JsonBoolean.of(value));
        }

        /**
         * Adds a string member unless the value is null.
         *
         * @param key the member name
         * @param value the string, or null to add nothing
         * @return this builder
         * @throws IllegalArgumentException if {@code key} was already added
         */
        public Builder putIfNotNull(String key, String value) {
            return value == null ? this : put(key, value);
        }

        /**
         * Builds the object; the builder can keep being used afterwards.
         *
         * @return the immutable object
         */
        public JsonObject build() {
            return new JsonObject(members.keySet().toArray(new String[0]), members.values().toArray(new JsonValue[0]));
        }
    }
}
