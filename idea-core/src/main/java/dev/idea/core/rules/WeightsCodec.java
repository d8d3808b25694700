package dev.idea.core.rules;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.rules.RuleException;
import dev.idea.api.rules.RuleWeights;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads weights files ({@code rules.yaml}) and computes their digest over the canonical form
 * <code>{"costs":{id:cost,…},"format":"idea.rule-weights/v1"}</code>. Stateless and thread-safe.
 */
final class WeightsCodec {
    /** The {@code format} member of canonical weights JSON. */
    static final String FORMAT = "idea.rule-weights/v1";

    private WeightsCodec() {
    }

    /**
     * Reads a weights document: {@code rules:} a list of {@code {id, cost}}.
     *
     * @throws RuleException with {@code RULE_WEIGHTS_INVALID} for a missing, negative or duplicate cost
     */
    static RuleWeights read(Bytes document, String source) {
        JsonObject root = Documents.readObject(document, source, ErrorCode.RULE_WEIGHTS_INVALID);
        for (String name : root.members().keySet()) {
            if (!Set.of("format", "description", "rules").contains(name)) {
                throw invalid(source + ": unknown member \"" + name + "\"; allowed are description, format, rules");
            }
        }
        if (!(root.get("rules").orElse(null) instanceof JsonArray rules)) {
            throw invalid(source + ": rules must be a list of {id, cost} entries");
        }
        Map<String, Double> costs = new TreeMap<>();
        for (int i = 0; i < rules.values().size(); i++) {
            String where = source + ": rules[" + i + "]";
            if (!(rules.values().get(i) instanceof JsonObject entry)) {
                throw invalid(where + " must be a mapping with id and cost");
            }
            for (String name : entry.members().keySet()) {
                if (!name.equals("id") && !name.equals("cost")) {
                    throw invalid(where + ": unknown member \"" + name + "\"; an entry has id and cost");
                }
            }
            if (!(entry.get("id").orElse(null) instanceof JsonString id)) {
                throw invalid(where + ": id is missing or not a string");
            }
            JsonValue cost = entry.get("cost").orElse(null);
            if (cost == null) {
                throw invalid(where + " (rule " + id.value() + "): cost is missing; give a number between 0 and 1e9");
            }
            if (!(cost instanceof JsonNumber number)) {
                throw invalid(where + " (rule " + id.value() + "): cost must be a number, not " + Documents.kind(cost));
            }
            if (number.value() < 0) {
                throw invalid(where + " (rule " + id.value() + "): cost " + number + " is negative; costs are between 0 and 1e9");
            }
            if (costs.put(id.value(), number.value()) != null) {
                throw invalid(where + ": rule " + id.value() + " is listed twice; give each rule one cost");
            }
        }
        return create(costs);
    }

    static RuleWeights create(Map<String, Double> costs) {
        RuleWeights draft = new RuleWeights(costs, Digest.sha256(Bytes.empty()));
        return new RuleWeights(draft.costs(), digest(draft));
    }

    static Digest digest(RuleWeights weights) {
        JsonObject.Builder costs = JsonObject.builder();
        weights.costs().forEach((id, cost) -> costs.put(id, new JsonNumber(cost)));
        JsonObject canonical = JsonObject.builder().put("format", FORMAT).put("costs", costs.build()).build();
        return Digest.sha256(Bytes.of(Json.write(canonical)));
    }

    private static RuleException invalid(String message) {
        return new RuleException(ErrorCode.RULE_WEIGHTS_INVALID, message);
    }
}
