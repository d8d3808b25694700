package dev.idea.api.rules;

import dev.idea.api.Digest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deterministic rule plan: which rules of a policy apply to one context, in the order they are to
 * be checked (cost ascending, then id ascending), and which were skipped and why.
 *
 * <p>A plan holds no time stamp: the same policy, context and selector always give the same plan
 * and the same {@link #planDigest()}, which is SHA-256 of the plan's RFC 8785 JSON without the
 * {@code plan_digest} member (format in {@code docs/rules.md}).
 *
 * @param policyId the policy id
 * @param policyDigest the policy digest
 * @param selector the selector name, {@code basic} or {@code weighted}
 * @param weightsDigest the weights digest for the weighted selector, null for the basic one
 * @param contextDigest the context digest
 * @param activeRules the rules to check, in order
 * @param costSum the sum of the active rules' costs, added in plan order
 * @param skippedRules the rules left out, in id order
 * @param planDigest the plan digest
 * @since 0.1
 */
public record RulePlan(String policyId, Digest policyDigest, String selector, Digest weightsDigest, Digest contextDigest,
                       List<PlannedRule> activeRules, double costSum, List<SkippedRule> skippedRules, Digest planDigest) {
    /** Validates presence and copies the lists. */
    public RulePlan {
        RuleIds.requirePolicyId(policyId);
        Objects.requireNonNull(policyDigest, "policyDigest");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(contextDigest, "contextDigest");
        activeRules = List.copyOf(activeRules);
        skippedRules = List.copyOf(skippedRules);
        Objects.requireNonNull(planDigest, "planDigest");
    }

    /**
     * Returns the weights digest.
     *
     * @return the digest of the weights the weighted selector used, or empty for the basic selector
     */
    public Optional<Digest> weightsDigestOption() {
        return Optional.ofNullable(weightsDigest);
    }

    /**
     * Returns the ids of the active rules in plan order.
     *
     * @return the ids
     */
    public List<String> activeRuleIds() {
        return activeRules.stream().map(PlannedRule::id).toList();
    }
}
