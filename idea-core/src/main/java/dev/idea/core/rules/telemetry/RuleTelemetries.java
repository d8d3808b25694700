package dev.idea.core.rules.telemetry;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;

/**
 * Chooses the telemetry: Micrometer when its {@code MeterRegistry} class can be loaded, a no-op
 * otherwise. Stateless and thread-safe.
 */
public final class RuleTelemetries {
    /** The class whose presence means Micrometer is on the class path. */
    static final String MICROMETER_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private RuleTelemetries() {
    }

    /**
     * Creates the telemetry for a planner.
     *
     * @param registry a Micrometer {@code MeterRegistry}, or null for the global registry (if any)
     * @param loader the class loader to look for Micrometer in
     * @return Micrometer-backed telemetry, or a no-op when Micrometer is absent and no registry was given
     * @throws ConfigurationException when a registry was given but Micrometer is absent or it is not one
     */
    public static RuleTelemetry create(Object registry, ClassLoader loader) {
        if (!micrometerPresent(loader)) {
            if (registry != null) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "a meterRegistry of type " + registry.getClass().getName()
                        + " was given but Micrometer is not on the class path; add io.micrometer:micrometer-core");
            }
            return NoopRuleTelemetry.INSTANCE;
        }
        return MicrometerRuleTelemetry.create(registry);
    }

    /**
     * Tells whether Micrometer can be loaded.
     *
     * @param loader the class loader to ask
     * @return true when {@value #MICROMETER_CLASS} is found
     */
    static boolean micrometerPresent(ClassLoader loader) {
        try {
            Class.forName(MICROMETER_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
