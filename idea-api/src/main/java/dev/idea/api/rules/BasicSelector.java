package dev.idea.api.rules;

/**
 * Selects by predicates only and orders the active rules by the costs the policy declares.
 *
 * @since 0.1
 */
public record BasicSelector() implements RuleSelector {
    /** The name recorded in plans: {@value}. */
    public static final String NAME = "basic";

    @Override
    public String name() {
        return NAME;
    }
}
