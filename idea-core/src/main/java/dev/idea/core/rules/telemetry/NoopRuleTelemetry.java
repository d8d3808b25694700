package dev.idea.core.rules.telemetry;

/** Telemetry that records nothing: used when Micrometer is not on the class path. */
enum NoopRuleTelemetry implements RuleTelemetry {
    /** The only instance. */
    INSTANCE;

    @Override
    public void planned(String selector, int selectedRules, long nanos) {
        // Micrometer is absent: nothing to record.
    }

    @Override
    public void failed(String selector, long nanos) {
        // Micrometer is absent: nothing to record.
    }
}
