package dev.idea.core.governance;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
        Instant fast = wholeSecondsUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, where + " \"" + text
                    + "\" is not an RFC 3339 UTC timestamp such as 2026-01-31T12:00:00Z", e);
        }
    }

    /**
     * Parses the form IDEA writes, {@code yyyy-MM-ddTHH:mm:ssZ}, without a formatter (about a tenth
     * of {@link Instant#parse}'s cost; approvals are parsed on the hot path), giving exactly the
     * instant {@link Instant#parse} gives.
     *
     * @return the instant, or null when the text has another shape and needs the full parser
     */
    static Instant wholeSecondsUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null; // let Instant.parse accept (leap second) or refuse it with its own message
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
