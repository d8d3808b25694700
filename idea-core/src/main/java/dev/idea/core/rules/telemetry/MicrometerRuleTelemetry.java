package dev.idea.core.rules.telemetry;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Rule-planning metrics in a Micrometer registry. The only class of IDEA that references Micrometer;
 * loaded only when {@link RuleTelemetries} has found Micrometer on the class path.
 *
 * <p>Meters (Prometheus names in parentheses): counter {@value #SELECTED_RULES}
 * ({@code adapt_selected_rules_total}), counter {@value #PLANS} with tag {@code selector}
 * ({@code adapt_plans_total{selector}}), counter {@value #FAILURES}
 * ({@code adapt_selection_failures_total}) and timer {@value #LATENCY} with a percentile histogram
 * ({@code adapt_selection_latency_seconds}). Thread-safe.
 */
final class MicrometerRuleTelemetry implements RuleTelemetry {
    static final String SELECTED_RULES = "adapt.selected.rules";
    static final String PLANS = "adapt.plans";
    static final String FAILURES = "adapt.selection.failures";
    static final String LATENCY = "adapt.selection.latency";

    private final MeterRegistry registry;
    private final Counter selectedRules;
    private final Counter failures;
    private final Timer latency;

    private MicrometerRuleTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.selectedRules = Counter.builder(SELECTED_RULES).description("rules activated by rule plans")
                .baseUnit("rules").register(registry);
        this.failures = Counter.builder(FAILURES).description("rule selections that failed with an error")
                .register(registry);
        this.latency = Timer.builder(LATENCY).description("time to select the rules of one plan")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * Creates the telemetry.
     *
     * @param registry a {@link MeterRegistry}, or null for {@link Metrics#globalRegistry}
     * @return the telemetry
     * @throws ConfigurationException when {@code registry} is not a Micrometer registry
     */
    static RuleTelemetry create(Object registry) {
        if (registry == null) {
            return new MicrometerRuleTelemetry(Metrics.globalRegistry);
        }
        if (registry instanceof MeterRegistry meterRegistry) {
            return new MicrometerRuleTelemetry(meterRegistry);
        }
        throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "meterRegistry is a " + registry.getClass().getName()
                + ", not an io.micrometer.core.instrument.MeterRegistry; pass a Micrometer registry or none");
    }

    @Override
    public void planned(String selector, int selected, long nanos) {
        selectedRules.increment(selected);
        Counter.builder(PLANS).description("rule plans made").tag("selector", selector).register(registry).increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(String selector, long nanos) {
        failures.increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
