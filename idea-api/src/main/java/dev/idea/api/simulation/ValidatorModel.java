package dev.idea.api.simulation;

/**
 * A validator of the release workflow (checksum, license scan, SBOM, smoke run, …) and how likely it
 * passes.
 *
 * <p>Immutable. In each simulated iteration the validator passes when one uniform draw {@code u}
 * satisfies {@code u < passProbability}, so raising the probability can only turn failures into passes.
 *
 * @param id unique id within the model
 * @param passProbability probability of a pass, from 0 to 1
 * @param required whether a failure fails the policy; advisory validators are only reported
 * @since 0.1
 */
public record ValidatorModel(String id, double passProbability, boolean required) {
    /**
     * Validates the fields.
     *
     * @throws SimulationException {@code SIMULATION_PROBABILITY_INVALID} or {@code SIMULATION_SPEC_INVALID}
     */
    public ValidatorModel {
        Checks.id(id, "validator id");
        Checks.probability(passProbability, "validator \"" + id + "\" passProbability");
    }
}
