package dev.idea.core.rules;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.Rule;
import dev.idea.api.rules.RuleException;
import dev.idea.api.rules.RuleMatch;
import dev.idea.api.rules.RulePredicate;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads policy documents into {@link Policy} records and writes their canonical form, whose SHA-256
 * is the policy digest.
 *
 * <p>The canonical form keys predicates and rules by id, so the digest does not depend on the order
 * in which a document declares them. Stateless and thread-safe.
 */
final class PolicyCodec {
    /** The {@code format} member of canonical policy JSON. */
    static final String FORMAT = "idea.rule-policy/v1";

    private static final Set<String> POLICY_MEMBERS = Set.of("format", "id", "description", "predicates", "rules");
    private static final Set<String> RULE_MEMBERS = Set.of("id", "description", "cost", "when", "match", "check");

    private PolicyCodec() {
    }

    /**
     * Reads a policy document.
     *
     * @param document JSON or YAML
     * @param source where it came from
     * @return the policy with its digest
     * @throws RuleException with {@code RULE_POLICY_INVALID}
     */
    static Policy read(Bytes document, String source) {
        JsonObject root = Documents.readObject(document, source, ErrorCode.RULE_POLICY_INVALID);
        onlyMembers(root, POLICY_MEMBERS, source);
        root.get("format").ifPresent(f -> {
            if (!(f instanceof JsonString s) || !s.value().equals(FORMAT)) {
                throw invalid(source + ": format must be \"" + FORMAT + "\" (or left out), got " + f);
            }
        });
        String id = string(root, "id", source, null);
        String where = source + " (policy " + id + ")";
        String description = string(root, "description", where, "");
        List<RulePredicate> predicates = new ArrayList<>();
        JsonValue predicateMap = root.get("predicates").orElse(JsonObject.EMPTY);
        if (!(predicateMap instanceof JsonObject map)) {
            throw invalid(where + ": predicates must be a mapping of predicate id to expression");
        }
        for (Map.Entry<String, JsonValue> e : map.members().entrySet()) {
            if (!(e.getValue() instanceof JsonString expression)) {
                throw invalid(where + ": predicate " + e.getKey() + " must be an expression string, not " + Documents.kind(e.getValue()));
            }
            predicates.add(new RulePredicate(e.getKey(), expression.value()));
        }
        if (!(root.get("rules").orElse(null) instanceof JsonArray ruleArray) || ruleArray.values().isEmpty()) {
            throw invalid(where + ": rules must be a non-empty list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < ruleArray.values().size(); i++) {
            rules.add(rule(ruleArray.values().get(i), where + ": rules[" + i + "]"));
        }
        return create(id, description, predicates, rules);
    }

    /**
     * Builds a policy and computes its digest.
     *
     * @throws RuleException with {@code RULE_POLICY_INVALID} for inconsistent content
     */
    static Policy create(String id, String description, List<RulePredicate> predicates, List<Rule> rules) {
        Policy draft = new Policy(id, description, predicates, rules, Digest.sha256(Bytes.empty()));
        return new Policy(id, description, draft.predicates(), draft.rules(), digest(draft));
    }

    /**
     * Computes SHA-256 of the canonical JSON of a policy's content (its own digest field aside).
     *
     * @param policy the policy
     * @return the digest its content should carry
     */
    static Digest digest(Policy policy) {
        return Digest.sha256(Bytes.of(Json.write(canonical(policy))));
    }

    static JsonObject canonical(Policy policy) {
        JsonObject.Builder predicates = JsonObject.builder();
        policy.predicates().forEach(p -> predicates.put(p.id(), p.expression()));
        JsonObject.Builder rules = JsonObject.builder();
        for (Rule r : policy.rules()) {
            rules.put(r.id(), JsonObject.builder()
                    .put("description", r.description())
                    .put("cost", new JsonNumber(r.cost()))
                    .put("when", new JsonArray(r.when().stream().<JsonValue>map(JsonString::new).toList()))
                    .put("match", r.match().name().toLowerCase(Locale.ROOT))
                    .put("check", r.check())
                    .build());
        }
        return JsonObject.builder()
                .put("format", FORMAT)
                .put("id", policy.id())
                .put("description", policy.description())
                .put("predicates", predicates.build())
                .put("rules", rules.build())
                .build();
    }

    private static Rule rule(JsonValue value, String where) {
        if (!(value instanceof JsonObject rule)) {
            throw invalid(where + " must be a mapping with id, cost, check and optionally description, when, match");
        }
        onlyMembers(rule, RULE_MEMBERS, where);
        String id = string(rule, "id", where, null);
        String at = where + " (rule " + id + ")";
        if (!(rule.get("cost").orElse(null) instanceof JsonNumber cost)) {
            throw invalid(at + ": cost is " + (rule.get("cost").isPresent() ? "not a number" : "missing")
                    + "; give a number between 0 and 1e9");
        }
        List<String> when = new ArrayList<>();
        JsonValue whenValue = rule.get("when").orElse(new JsonArray(List.of()));
        if (whenValue instanceof JsonString single) {
            when.add(single.value());
        } else if (whenValue instanceof JsonArray array) {
            for (JsonValue v : array.values()) {
                if (!(v instanceof JsonString s)) {
                    throw invalid(at + ": when must list predicate ids as strings");
                }
                when.add(s.value());
            }
        } else {
            throw invalid(at + ": when must be a predicate id or a list of them");
        }
        String match = string(rule, "match", at, "all");
        RuleMatch ruleMatch = switch (match) {
            case "all" -> RuleMatch.ALL;
            case "any" -> RuleMatch.ANY;
            default -> throw invalid(at + ": match must be all or any, got \"" + match + "\"");
        };
        return new Rule(id, string(rule, "description", at, ""), cost.value(), when, ruleMatch, string(rule, "check", at, null));
    }

    private static String string(JsonObject object, String member, String where, String fallback) {
        JsonValue value = object.get(member).orElse(null);
        if (value == null) {
            if (fallback == null) {
                throw invalid(where + ": " + member + " is missing");
            }
            return fallback;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(where + ": " + member + " must be a string, not " + Documents.kind(value));
        }
        return s.value();
    }

    private static void onlyMembers(JsonObject object, Set<String> allowed, String where) {
        for (String name : object.members().keySet()) {
            if (!allowed.contains(name)) {
                throw invalid(where + ": unknown member \"" + name + "\"; allowed are " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static RuleException invalid(String message) {
        return new RuleException(ErrorCode.RULE_POLICY_INVALID, message);
    }
}
