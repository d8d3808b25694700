package dev.idea.api.rules;

import dev.idea.api.ErrorCode;
import java.util.Objects;

/**
 * Settings of a {@link RulePlanner}.
 *
 * @param policyCacheSize how many compiled policies to keep, keyed by policy digest; at least 1
 * @param meterRegistry a Micrometer {@code io.micrometer.core.instrument.MeterRegistry} to record
 *     metrics in, or null for Micrometer's global registry when Micrometer is on the class path
 *     (and no metrics when it is not). Typed {@code Object} so that this API needs no Micrometer.
 * @since 0.1
 */
public record RulePlannerOptions(int policyCacheSize, Object meterRegistry) {
    /** Default number of compiled policies kept. */
    public static final int DEFAULT_POLICY_CACHE_SIZE = 64;

    /**
     * Validates the cache size.
     *
     * @throws RuleException with {@code CONFIG_INVALID} for a cache size below 1
     */
    public RulePlannerOptions {
        if (policyCacheSize < 1) {
            throw new RuleException(ErrorCode.CONFIG_INVALID, "policyCacheSize must be at least 1, got " + policyCacheSize);
        }
    }

    /**
     * Returns the defaults: {@value #DEFAULT_POLICY_CACHE_SIZE} cached policies, Micrometer's global
     * registry when present.
     *
     * @return the default options
     */
    public static RulePlannerOptions defaults() {
        return new RulePlannerOptions(DEFAULT_POLICY_CACHE_SIZE, null);
    }

    /**
     * Returns these options with another meter registry.
     *
     * @param registry a Micrometer {@code MeterRegistry}
     * @return new options
     */
    public RulePlannerOptions withMeterRegistry(Object registry) {
        return new RulePlannerOptions(policyCacheSize, Objects.requireNonNull(registry, "registry"));
    }
}
