package dev.idea.api.rules;

import dev.idea.api.ErrorCode;
import java.util.List;

/**
 * A rule a plan activates, with the cost that ordered it and the predicates that fired for it.
 *
 * @param id the rule id
 * @param cost the cost the selector used
 * @param reason ids of the rule's {@code when} predicates that fired, in declaration order; empty
 *     for a rule without predicates, which always applies
 * @since 0.1
 */
public record PlannedRule(String id, double cost, List<String> reason) {
    /** Validates and copies. */
    public PlannedRule {
        RuleIds.requireName(id, "rule id");
        cost = RuleIds.requireCost(cost, "planned rule " + id, ErrorCode.RULE_POLICY_INVALID);
        reason = List.copyOf(reason);
    }
}
