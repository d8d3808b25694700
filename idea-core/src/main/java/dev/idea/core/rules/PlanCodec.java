package dev.idea.core.rules;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.rules.PlannedRule;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.SkippedRule;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rule plans as RFC 8785 JSON and computes their digest (format in {@code docs/rules.md}).
 * Stateless and thread-safe.
 */
final class PlanCodec {
    /** The {@code format} member of plan JSON. */
    static final String FORMAT = "idea.rule-plan/v1";

    private PlanCodec() {
    }

    /**
     * Returns SHA-256 of the plan's canonical JSON without {@code plan_digest}.
     *
     * @param plan the plan; its own planDigest is ignored
     * @return the digest
     */
    static Digest digest(RulePlan plan) {
        return Digest.sha256(Bytes.of(Json.write(body(plan).build())));
    }

    /**
     * Writes the plan with its {@code plan_digest}.
     *
     * @param plan the plan
     * @return canonical JSON bytes
     */
    static Bytes write(RulePlan plan) {
        return Bytes.of(Json.write(body(plan).put("plan_digest", plan.planDigest().toString()).build()));
    }

    private static JsonObject.Builder body(RulePlan plan) {
        List<JsonValue> active = new ArrayList<>(plan.activeRules().size());
        for (PlannedRule r : plan.activeRules()) {
            active.add(JsonObject.builder().put("id", r.id()).put("cost", new JsonNumber(r.cost()))
                    .put("reason", strings(r.reason())).build());
        }
        List<JsonValue> skipped = new ArrayList<>(plan.skippedRules().size());
        for (SkippedRule r : plan.skippedRules()) {
            skipped.add(JsonObject.builder().put("id", r.id()).put("not_fired", strings(r.notFired()))
                    .put("reason", r.reason()).build());
        }
        JsonObject.Builder builder = JsonObject.builder()
                .put("format", FORMAT)
                .put("policy_id", plan.policyId())
                .put("policy_digest", plan.policyDigest().toString())
                .put("selector", plan.selector())
                .put("context_digest", plan.contextDigest().toString())
                .put("active_rules", new JsonArray(active))
                .put("cost_sum", new JsonNumber(plan.costSum()))
                .put("skipped_rules", new JsonArray(skipped));
        plan.weightsDigestOption().ifPresent(d -> builder.put("weights_digest", d.toString()));
        return builder;
    }

    private static JsonArray strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(new JsonString(v)));
        return new JsonArray(out);
    }
}
