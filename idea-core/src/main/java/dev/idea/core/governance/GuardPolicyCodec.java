package dev.idea.core.governance;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.guard.CalendarPeriod;
import dev.idea.api.guard.DenyCondition;
import dev.idea.api.guard.GuardAction;
import dev.idea.api.guard.GuardException;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.guard.MaintenanceWindow;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.core.internal.yaml.Yaml;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads a guard policy file ({@code orchestrator.policy.yaml} style, YAML or JSON) into a
 * {@link GuardPolicy}: the actions of each role under {@code rbac.roles.<role>.actions}, and the
 * {@code guard} section (maintenance windows, one-time windows, freezes, {@code max_score},
 * {@code deny_on}).
 *
 * <p>Format in {@code docs/governance-upgrade.md}, "Guard policy file". The file may be the one the
 * approval policy is read from: this reader ignores {@code may_approve} and other top-level sections,
 * and checks every member of {@code guard}, of its entries and of each role. Stateless and thread-safe.
 *
 * <p>Security guarantees: every fault is a {@link GuardException} with
 * {@link ErrorCode#GUARD_POLICY_INVALID} (syntax errors: the parser's code) naming the field, e.g.
 * {@code guard.freezes[0].zone}; zones must be IANA region ids, never a fixed offset that ignores
 * daylight saving.
 */
public final class GuardPolicyCodec {
    private static final Set<String> GUARD = Set.of("maintenance_windows", "one_time_windows", "freezes", "max_score", "deny_on");
    private static final Set<String> ROLE = Set.of("actions", "may_approve");
    private static final Set<String> WINDOW = Set.of("name", "days", "start", "end", "zone");
    private static final Set<String> PERIOD = Set.of("name", "start", "end", "zone");

    private GuardPolicyCodec() {
    }

    /**
     * Reads a guard policy file, as YAML when the name ends in {@code .yaml} or {@code .yml}, otherwise as JSON.
     *
     * @param content the file content
     * @param fileName the file name, for the format and for messages
     * @return the policy
     * @throws GuardException with {@code GUARD_POLICY_INVALID} naming the bad field
     * @throws dev.idea.api.FormatException with a {@code JSON_*} code for bad JSON syntax
     */
    public static GuardPolicy read(Bytes content, String fileName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(fileName, "fileName");
        String lower = fileName.toLowerCase(Locale.ROOT);
        JsonValue tree = lower.endsWith(".yaml") || lower.endsWith(".yml")
                ? Yaml.parse(content.toByteArray(), fileName, ErrorCode.GUARD_POLICY_INVALID)
                : Json.parse(content.toByteArray(), GovernanceJson.LIMITS);
        return fromTree(object(tree, "the top level"));
    }

    private static GuardPolicy fromTree(JsonObject top) {
        JsonObject rbac = object(top.get("rbac").orElseThrow(() -> invalid("rbac is missing; a guard policy needs"
                + " rbac.roles.<role>.actions, e.g. {release-manager: {actions: [apply]}}")), "rbac");
        GuardPolicy.Builder b = GuardPolicy.builder();
        JsonObject roles = object(rbac.get("roles").orElseThrow(() -> invalid("rbac.roles is missing; list each role"
                + " with its actions")), "rbac.roles");
        for (Map.Entry<String, JsonValue> e : roles.members().entrySet()) {
            String where = "rbac.roles." + e.getKey();
            JsonObject role = object(e.getValue(), where);
            onlyMembers(role, where, ROLE);
            b.allow(e.getKey(), actions(role.get("actions"), where + ".actions"));
        }
        JsonObject guard = top.get("guard").map(v -> object(v, "guard")).orElse(JsonObject.EMPTY);
        onlyMembers(guard, "guard", GUARD);
        list(guard, "maintenance_windows").forEach(w -> b.window(window(w.object, w.where)));
        list(guard, "one_time_windows").forEach(p -> b.oneTimeWindow(period(p.object, p.where)));
        list(guard, "freezes").forEach(p -> b.freeze(period(p.object, p.where)));
        guard.get("max_score").ifPresent(v -> b.maxRiskScore(score(v)));
        for (String name : strings(guard.get("deny_on"), "guard.deny_on")) {
            try {
                b.denyOn(DenyCondition.ofWireName(name));
            } catch (GuardException ex) {
                throw invalid("guard.deny_on: " + message(ex));
            }
        }
        return b.build();
    }

    private static GuardAction[] actions(Optional<JsonValue> value, String where) {
        List<GuardAction> out = new ArrayList<>();
        for (String name : strings(value, where)) {
            GuardAction action = null;
            for (GuardAction a : GuardAction.values()) {
                if (a.name().equalsIgnoreCase(name)) {
                    action = a;
                }
            }
            if (action == null) {
                throw invalid(where + " names action \"" + name + "\"; use submit, approve, apply or audit");
            }
            out.add(action);
        }
        return out.toArray(new GuardAction[0]);
    }

    private static MaintenanceWindow window(JsonObject o, String where) {
        onlyMembers(o, where, WINDOW);
        String name = text(o, "name", where);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : strings(o.get("days"), where + ".days")) {
            days.add(day(day, where + ".days"));
        }
        return checked(() -> new MaintenanceWindow(name, days, time(o, "start", where), time(o, "end", where),
                zone(o, where)), where);
    }

    private static CalendarPeriod period(JsonObject o, String where) {
        onlyMembers(o, where, PERIOD);
        String name = text(o, "name", where);
        return checked(() -> new CalendarPeriod(name, dateTime(o, "start", where), dateTime(o, "end", where), zone(o, where)),
                where);
    }

    private static DayOfWeek day(String text, String where) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || d.name().substring(0, 3).equals(upper)) {
                return d;
            }
        }
        throw invalid(where + " names day \"" + text + "\"; use MON, TUE, WED, THU, FRI, SAT, SUN (or the full names)");
    }

    private static LocalTime time(JsonObject o, String member, String where) {
        String text = text(o, member, where);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(where + "." + member + " \"" + text + "\" is not a local time; write HH:mm such as \"22:00\"");
        }
    }

    private static LocalDateTime dateTime(JsonObject o, String member, String where) {
        String text = text(o, member, where);
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(where + "." + member + " \"" + text + "\" is not a local date-time; write it as"
                    + " \"2026-12-20T00:00\" (no offset: the zone member says where)");
        }
    }

    private static ZoneId zone(JsonObject o, String where) {
        String text = text(o, "zone", where);
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            throw invalid(where + ".zone \"" + text + "\" is not an IANA time zone id; write a region such as"
                    + " \"Europe/Berlin\" or \"America/New_York\" (or \"Etc/UTC\"), not an offset or abbreviation");
        }
        return ZoneId.of(text);
    }

    private static double score(JsonValue v) {
        if (!(v instanceof JsonNumber n)) {
            throw invalid("guard.max_score must be a number >= 0, e.g. 7; remove it for no risk threshold");
        }
        try {
            return GuardPolicy.builder().maxRiskScore(n.value()).build().maxRiskScore();
        } catch (GuardException e) {
            throw invalid("guard.max_score: " + message(e));
        }
    }

    /** One entry of a list of objects, with its place for messages. */
    private record Entry(JsonObject object, String where) {
    }

    private static List<Entry> list(JsonObject guard, String member) {
        String where = "guard." + member;
        List<Entry> out = new ArrayList<>();
        JsonValue v = guard.get(member).orElse(null);
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonArray a)) {
            throw invalid(where + " must be a list of entries");
        }
        for (int i = 0; i < a.values().size(); i++) {
            out.add(new Entry(object(a.values().get(i), where + "[" + i + "]"), where + "[" + i + "]"));
        }
        return out;
    }

    private static List<String> strings(Optional<JsonValue> value, String where) {
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof JsonArray a)) {
            throw invalid(where + " must be a list of strings, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a.values()) {
            if (!(item instanceof JsonString s)) {
                throw invalid(where + " must hold only strings");
            }
            out.add(s.value());
        }
        return out;
    }

    private static String text(JsonObject o, String member, String where) {
        JsonValue v = o.get(member).orElseThrow(() -> invalid(where + "." + member + " is missing; set it"));
        if (!(v instanceof JsonString s) || s.value().isBlank()) {
            throw invalid(where + "." + member + " must be a non-empty string (quote times and dates in YAML)");
        }
        return s.value();
    }

    private static JsonObject object(JsonValue v, String where) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw invalid(where + " must be a mapping (an object)");
    }

    private static void onlyMembers(JsonObject o, String where, Set<String> allowed) {
        for (String name : o.members().keySet()) {
            if (!allowed.contains(name)) {
                throw invalid(where + " has unknown member \"" + name + "\"; allowed members are " + new TreeSet<>(allowed)
                        + " (check the spelling)");
            }
        }
    }

    /** Runs a record constructor and prefixes its refusal with the entry's place. */
    private static <T> T checked(Supplier<T> construct, String where) {
        try {
            return construct.get();
        } catch (GuardException e) {
            throw invalid(where + ": " + message(e));
        }
    }

    private static String message(GuardException e) {
        String m = e.getMessage();
        String prefix = e.errorCode().code() + " " + e.errorCode().name() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static GuardException invalid(String message) {
        return new GuardException(ErrorCode.GUARD_POLICY_INVALID, message);
    }
}
