package dev.idea.api.rules;

import java.util.Objects;

/**
 * Selects by predicates and orders the active rules by costs from a weights file ({@code
 * rules.yaml}), which must give a cost for every rule of the policy and for no other rule.
 *
 * @param weights the costs
 * @since 0.1
 */
public record WeightedSelector(RuleWeights weights) implements RuleSelector {
    /** The name recorded in plans: {@value}. */
    public static final String NAME = "weighted";

    /** Checks presence. */
    public WeightedSelector {
        Objects.requireNonNull(weights, "weights");
    }

    @Override
    public String name() {
        return NAME;
    }
}
