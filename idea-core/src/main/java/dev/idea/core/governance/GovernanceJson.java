package dev.idea.core.governance;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Static helpers for reading governance documents strictly. */
final class GovernanceJson {
    /** Limits for trust stores, policies and approval statements: 1 MiB, depth 32, strings of 64 Ki. */
    static final JsonLimits LIMITS = new JsonLimits(1 << 20, 32, 1 << 16);

    private GovernanceJson() {
    }

    /** Refuses members other than {@code allowed}, so that a misspelt member is not silently ignored. */
    static void onlyMembers(JsonObject o, String where, Set<String> allowed) {
        for (String name : o.members().keySet()) {
            if (!allowed.contains(name)) {
                throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, where + " has unknown member \"" + name
                        + "\"; allowed members are " + new TreeSet<>(allowed) + " (check the spelling)");
            }
        }
    }

    static List<String> strings(JsonArray array, String where) {
        List<String> out = new ArrayList<>(array.values().size());
        for (JsonValue v : array.values()) {
            if (!(v instanceof JsonString s)) {
                throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, where + " must hold only strings");
            }
            out.add(s.value());
        }
        return out;
    }

    static JsonObject object(JsonValue v, String where) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, where + " must be an object");
    }

    static Instant instant(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, where + " \"" + text
                    + "\" is not an RFC 3339 UTC timestamp such as 2026-01-31T12:00:00Z", e);
        }
    }
}
