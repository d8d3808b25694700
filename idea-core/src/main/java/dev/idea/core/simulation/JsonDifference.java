package dev.idea.core.simulation;

import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.List;
import java.util.TreeSet;

/** Finds the first place, in canonical member order, where two JSON trees differ. Stateless. */
final class JsonDifference {
    private JsonDifference() {
    }

    /**
     * Returns the JSONPath of the first difference with both values, or null when the trees are equal.
     *
     * @param recorded the tree read from a record
     * @param computed the tree computed again
     * @param path the JSONPath of both trees
     * @return e.g. {@code $.result.readinessScore: recorded 0.81, computed 0.8123}, or null
     */
    static String first(JsonValue recorded, JsonValue computed, String path) {
        if (recorded instanceof JsonObject a && computed instanceof JsonObject b) {
            TreeSet<String> keys = new TreeSet<>(a.members().keySet());
            keys.addAll(b.members().keySet());
            for (String key : keys) {
                String d = first(a.members().get(key), b.members().get(key), path + "." + key);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (recorded instanceof JsonArray a && computed instanceof JsonArray b) {
            List<JsonValue> x = a.values();
            List<JsonValue> y = b.values();
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                String d = first(i < x.size() ? x.get(i) : null, i < y.size() ? y.get(i) : null, path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (recorded != null && recorded.equals(computed)) {
            return null;
        }
        return path + ": recorded " + show(recorded) + ", computed " + show(computed);
    }

    private static String show(JsonValue v) {
        if (v == null) {
            return "(absent)";
        }
        String text = v.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
