package dev.idea.api.rules;

import java.util.List;

/**
 * The outcome of checking a policy against a context: which applicable rules failed.
 *
 * @param policyId the policy id
 * @param failedRules ids of the applicable rules whose check was false, in id order
 * @since 0.1
 */
public record RuleVerdict(String policyId, List<String> failedRules) {
    /** Validates and copies; the ids are kept in id order so that equal outcomes are equal records. */
    public RuleVerdict {
        RuleIds.requirePolicyId(policyId);
        failedRules = failedRules.stream().sorted().distinct().toList();
    }

    /**
     * Tells whether every applicable rule passed.
     *
     * @return true when no rule failed
     */
    public boolean passed() {
        return failedRules.isEmpty();
    }
}
