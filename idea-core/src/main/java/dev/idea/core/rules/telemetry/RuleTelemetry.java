package dev.idea.core.rules.telemetry;

/**
 * Receives rule-planning events and records them as metrics. Implementations are thread-safe and
 * never throw.
 */
public interface RuleTelemetry {

    /**
     * Records a plan that was made.
     *
     * @param selector the selector name, {@code basic} or {@code weighted}
     * @param selectedRules how many rules the plan activates
     * @param nanos how long selection took
     */
    void planned(String selector, int selectedRules, long nanos);

    /**
     * Records a selection that failed with an error.
     *
     * @param selector the selector name
     * @param nanos how long it ran before failing
     */
    void failed(String selector, long nanos);
}
