package dev.idea.api.rules;

/**
 * The implementation behind {@link RulePlanner#create(RulePlannerOptions)}, supplied by {@code
 * idea-core} as a {@link java.util.ServiceLoader} service. Applications do not use it directly.
 *
 * @since 0.1
 */
public interface RulePlannerFactory {

    /**
     * Creates a planner.
     *
     * @param options the settings
     * @return the planner
     * @throws dev.idea.api.ConfigurationException when the meter registry is not a Micrometer registry
     */
    RulePlanner create(RulePlannerOptions options);
}
