package dev.idea.api.rules;

import java.util.Objects;

/**
 * A named boolean expression over a rule context, e.g. {@code supplier.country in ['CD', 'SS']}.
 *
 * <p>Rules refer to predicates by id; a plan names the predicates that fired as the reason a rule
 * was selected. The expression language is specified in {@code docs/rules.md}; it is parsed when the
 * policy is compiled, not here.
 *
 * @param id the predicate id: 1-64 characters of a-z, 0-9 and '_', starting with a letter
 * @param expression the expression source
 * @since 0.1
 */
public record RulePredicate(String id, String expression) {
    /**
     * Validates the id.
     *
     * @throws RuleException with {@code RULE_POLICY_INVALID} when the id is malformed
     */
    public RulePredicate {
        RuleIds.requireName(id, "predicate id");
        Objects.requireNonNull(expression, "expression");
    }
}
