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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        return Digest.sha256(Bytes.of(canonical(plan, false)));
    }

    /**
     * Writes the plan with its {@code plan_digest}.
     *
     * @param plan the plan
     * @return canonical JSON bytes
     */
    static Bytes write(RulePlan plan) {
        return Bytes.of(canonical(plan, true));
    }

    /**
     * Writes the RFC 8785 form directly, members in their sorted order: plans of a thousand rules are
     * written on every plan call, and the generic tree writer costs several times more. {@link
     * #writeTree} is the reference; tests check that both give the same bytes.
     */
    static byte[] canonical(RulePlan plan, boolean withDigest) {
        StringBuilder out = new StringBuilder(128 + 64 * (plan.activeRules().size() + plan.skippedRules().size()));
        out.append("{\"active_rules\":[");
        for (int i = 0; i < plan.activeRules().size(); i++) {
            PlannedRule r = plan.activeRules().get(i);
            out.append(i == 0 ? "{\"cost\":" : ",{\"cost\":").append(Json.formatNumber(r.cost())).append(",\"id\":");
            string(out, r.id()).append(",\"reason\":");
            strings(out, r.reason()).append('}');
        }
        out.append("],\"context_digest\":\"").append(plan.contextDigest()).append("\",\"cost_sum\":")
                .append(Json.formatNumber(plan.costSum())).append(",\"format\":\"").append(FORMAT).append('"');
        if (withDigest) {
            out.append(",\"plan_digest\":\"").append(plan.planDigest()).append('"');
        }
        out.append(",\"policy_digest\":\"").append(plan.policyDigest()).append("\",\"policy_id\":");
        string(out, plan.policyId()).append(",\"selector\":");
        string(out, plan.selector()).append(",\"skipped_rules\":[");
        for (int i = 0; i < plan.skippedRules().size(); i++) {
            SkippedRule r = plan.skippedRules().get(i);
            out.append(i == 0 ? "{\"id\":" : ",{\"id\":");
            string(out, r.id()).append(",\"not_fired\":");
            strings(out, r.notFired()).append(",\"reason\":");
            string(out, r.reason()).append('}');
        }
        out.append(']');
        plan.weightsDigestOption().ifPresent(d -> out.append(",\"weights_digest\":\"").append(d).append('"'));
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            string(i == 0 ? out : out.append(','), values.get(i));
        }
        return out.append(']');
    }

    /** RFC 8785 section 3.2.2.2: escape only quote, backslash and control characters. */
    private static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("plan text holds an unpaired surrogate at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /**
     * Writes the plan through the generic JSON tree writer; the reference for {@link #canonical}.
     *
     * @param plan the plan
     * @param withDigest whether to include {@code plan_digest}
     * @return canonical JSON bytes
     */
    static byte[] writeTree(RulePlan plan, boolean withDigest) {
        JsonObject.Builder body = body(plan);
        if (withDigest) {
            body.put("plan_digest", plan.planDigest().toString());
        }
        return Json.write(body.build());
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
