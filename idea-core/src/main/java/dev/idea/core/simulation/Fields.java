package dev.idea.core.simulation;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonBoolean;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Typed, path-aware reads of one JSON object of a spec or record: unknown members, missing members
 * and wrong types fail with {@link ErrorCode#JSON_SCHEMA_VIOLATION} naming the JSONPath.
 *
 * <p>Immutable; one instance per object read.
 */
final class Fields {
    private static final double MAX_EXACT = 9007199254740992.0; // 2^53

    private final JsonObject object;
    private final String path;

    private Fields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** Wraps an object and refuses any member not in {@code allowed}. */
    static Fields of(JsonValue value, String path, String... allowed) {
        if (!(value instanceof JsonObject object)) {
            throw violation(path + " must be an object");
        }
        Set<String> known = Set.of(allowed);
        for (String key : object.members().keySet()) {
            if (!known.contains(key)) {
                throw violation(path + " has the unknown member \"" + key + "\"; the members allowed are "
                        + new TreeSet<>(known) + " (check the spelling)");
            }
        }
        return new Fields(object, path);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return object.get(key).isPresent();
    }

    JsonValue value(String key) {
        return object.get(key).orElseThrow(() -> violation(path + "." + key + " is missing; add it"));
    }

    String string(String key) {
        JsonValue v = value(key);
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw violation(path + "." + key + " must be a string");
    }

    double number(String key) {
        JsonValue v = value(key);
        if (v instanceof JsonNumber n) {
            return n.value();
        }
        throw violation(path + "." + key + " must be a number");
    }

    double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    long integer(String key) {
        double v = number(key);
        if (v != Math.rint(v) || Math.abs(v) > MAX_EXACT) {
            throw violation(path + "." + key + " must be a whole number but is " + new JsonNumber(v));
        }
        return (long) v;
    }

    /** Reads a whole number and clamps it into int range, so that range checks downstream see a wrong value. */
    int intValue(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        long v = integer(key);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonValue v = value(key);
        if (v instanceof JsonBoolean b) {
            return b.value();
        }
        throw violation(path + "." + key + " must be true or false");
    }

    Fields object(String key, String... allowed) {
        return of(value(key), path + "." + key, allowed);
    }

    List<JsonValue> array(String key) {
        JsonValue v = value(key);
        if (v instanceof JsonArray a) {
            return a.values();
        }
        throw violation(path + "." + key + " must be an array");
    }

    List<Fields> objects(String key, String... allowed) {
        List<JsonValue> values = has(key) ? array(key) : List.of();
        List<Fields> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(of(values.get(i), path + "." + key + "[" + i + "]", allowed));
        }
        return out;
    }

    Map<String, String> strings(String key) {
        Map<String, String> out = new TreeMap<>();
        if (!has(key)) {
            return out;
        }
        JsonValue v = value(key);
        if (!(v instanceof JsonObject o)) {
            throw violation(path + "." + key + " must be an object of string values");
        }
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (!(e.getValue() instanceof JsonString s)) {
                throw violation(path + "." + key + ".\"" + e.getKey() + "\" must be a string");
            }
            out.put(e.getKey(), s.value());
        }
        return out;
    }

    static FormatException violation(String message) {
        return new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, message);
    }
}
