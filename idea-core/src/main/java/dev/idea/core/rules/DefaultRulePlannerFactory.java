package dev.idea.core.rules;

import dev.idea.api.rules.RulePlanner;
import dev.idea.api.rules.RulePlannerFactory;
import dev.idea.api.rules.RulePlannerOptions;
import dev.idea.core.rules.telemetry.RuleTelemetries;

/**
 * The {@link RulePlannerFactory} service of {@code idea-core}, found by {@link RulePlanner#create}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DefaultRulePlannerFactory implements RulePlannerFactory {

    /** Creates the factory; called by {@link java.util.ServiceLoader}. */
    public DefaultRulePlannerFactory() {
        // stateless
    }

    @Override
    public RulePlanner create(RulePlannerOptions options) {
        return new DefaultRulePlanner(options.policyCacheSize(),
                RuleTelemetries.create(options.meterRegistry(), DefaultRulePlannerFactory.class.getClassLoader()));
    }
}
