package dev.idea.api.rules;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rule costs from a weights file ({@code rules.yaml}), identified by the digest of their canonical
 * form. Read one with {@link RulePlanner#readWeights}.
 *
 * @param costs cost by rule id; each finite and between 0 and 1e9
 * @param digest SHA-256 of the canonical weights JSON ({@code docs/rules.md})
 * @since 0.1
 */
public record RuleWeights(Map<String, Double> costs, Digest digest) {
    /**
     * Validates ids and costs and copies the map into id order.
     *
     * @throws RuleException with {@code RULE_WEIGHTS_INVALID} for a malformed id or a cost out of range
     */
    public RuleWeights {
        Objects.requireNonNull(costs, "costs");
        TreeMap<String, Double> sorted = new TreeMap<>();
        costs.forEach((id, cost) -> {
            if (!RuleIds.isName(id)) {
                throw new RuleException(ErrorCode.RULE_WEIGHTS_INVALID, "weights name rule \"" + id
                        + "\", which is not a valid rule id (a-z, 0-9, '_', starting with a letter)");
            }
            if (cost == null) {
                throw new RuleException(ErrorCode.RULE_WEIGHTS_INVALID, "rule " + id + " has no cost; give it a cost: <number>");
            }
            sorted.put(id, RuleIds.requireCost(cost, "weights entry " + id, ErrorCode.RULE_WEIGHTS_INVALID));
        });
        costs = Collections.unmodifiableSortedMap(sorted);
        Objects.requireNonNull(digest, "digest");
    }
}
