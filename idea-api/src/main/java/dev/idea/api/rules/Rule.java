package dev.idea.api.rules;

import dev.idea.api.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * One rule of a policy: when it applies (predicates over the context), what it requires (its
 * check), and what checking it costs.
 *
 * <p>A rule <em>applies</em> to a context when its {@code when} predicates fire as {@code match}
 * says; an empty {@code when} applies always. An applicable rule <em>passes</em> when its {@code
 * check} expression is true. A rule that does not apply passes vacuously, which is why a plan may
 * skip it without changing the verdict.
 *
 * @param id the rule id: 1-64 characters of a-z, 0-9 and '_', starting with a letter
 * @param description what the rule is for, for people
 * @param cost the cost of checking it, finite and between 0 and 1e9; the basic selector orders by it
 * @param when ids of the predicates that make it applicable, without duplicates
 * @param match how the {@code when} predicates combine
 * @param check the expression that must hold when the rule applies
 * @since 0.1
 */
public record Rule(String id, String description, double cost, List<String> when, RuleMatch match, String check) {
    /**
     * Validates the fields and copies the list.
     *
     * @throws RuleException with {@code RULE_POLICY_INVALID} when a field is malformed
     */
    public Rule {
        RuleIds.requireName(id, "rule id");
        Objects.requireNonNull(description, "description");
        cost = RuleIds.requireCost(cost, "rule " + id, ErrorCode.RULE_POLICY_INVALID);
        when = List.copyOf(when);
        for (String predicate : when) {
            RuleIds.requireName(predicate, "rule " + id + ": predicate reference");
        }
        if (when.stream().distinct().count() != when.size()) {
            throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "rule " + id + " lists a predicate twice in "
                    + when + "; list each predicate once");
        }
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(check, "check");
    }
}
