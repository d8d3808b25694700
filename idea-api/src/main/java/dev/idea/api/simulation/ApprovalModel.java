package dev.idea.api.simulation;

/**
 * An approval the release waits for: who gives it, how likely they approve and how long they take.
 *
 * <p>Immutable. In each iteration the approval is granted when a first uniform draw is below
 * {@code approveProbability} and the delay drawn from {@code delayHours} (second draw) is at most
 * {@code timeoutHours}. Approvals run in parallel; the policy waits for the slowest.
 *
 * @param id unique id within the model
 * @param role the approver role, e.g. {@code security}
 * @param approveProbability probability that the approver approves, from 0 to 1
 * @param delayHours the distribution of the wait, in hours
 * @param timeoutHours the longest wait accepted, in hours
 * @since 0.1
 */
public record ApprovalModel(String id, String role, double approveProbability, DelayDistribution delayHours,
                            double timeoutHours) {
    /**
     * Validates the fields.
     *
     * @throws SimulationException {@code SIMULATION_PROBABILITY_INVALID} or {@code SIMULATION_SPEC_INVALID}
     */
    public ApprovalModel {
        Checks.id(id, "approval id");
        Checks.id(role, "approval \"" + id + "\" role");
        Checks.probability(approveProbability, "approval \"" + id + "\" approveProbability");
        Checks.present(delayHours, "approval \"" + id + "\" delayHours");
        Checks.nonNegative(timeoutHours, "approval \"" + id + "\" timeoutHours");
    }
}
