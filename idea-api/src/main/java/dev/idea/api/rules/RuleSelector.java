package dev.idea.api.rules;

/**
 * How a plan is made: which costs order the applicable rules.
 *
 * <p>Every selector activates exactly the rules whose predicates fire, so executing a plan gives the
 * same verdict as evaluating every rule; selectors differ only in the cost model that orders the
 * active rules (cost ascending, then id ascending).
 *
 * @since 0.1
 */
public sealed interface RuleSelector permits BasicSelector, WeightedSelector {

    /**
     * Returns the selector's name as plans and metrics record it.
     *
     * @return {@code basic} or {@code weighted}
     */
    String name();

    /**
     * Returns the selector that uses the costs declared in the policy.
     *
     * @return the basic selector
     */
    static RuleSelector basic() {
        return new BasicSelector();
    }

    /**
     * Returns a selector that takes every rule's cost from a weights file.
     *
     * @param weights the costs, e.g. read from {@code rules.yaml}
     * @return the weighted selector
     */
    static RuleSelector weighted(RuleWeights weights) {
        return new WeightedSelector(weights);
    }
}
