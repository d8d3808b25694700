package dev.idea.api.simulation;

import dev.idea.api.ErrorCode;
import java.util.Objects;

/**
 * What to simulate and how: a readiness model, the seed, the number of iterations and the number of
 * threads.
 *
 * <p>Immutable. The results depend on {@code model}, {@code seed} and {@code iterations} only:
 * {@code parallelism} changes the speed, never a bit of the output.
 *
 * @param model the readiness model
 * @param seed the seed from which every iteration's random stream is derived
 * @param iterations how many iterations, 1 to {@link #MAX_ITERATIONS}
 * @param parallelism how many threads run them, 1 to {@link #MAX_PARALLELISM}
 * @since 0.1
 */
public record SimulationSpec(ReadinessModel model, long seed, int iterations, int parallelism) {
    /** Most iterations one run may ask for. */
    public static final int MAX_ITERATIONS = 100_000_000;
    /** Most threads one run may use. */
    public static final int MAX_PARALLELISM = 256;

    /**
     * Validates the fields.
     *
     * @throws SimulationException {@code SIMULATION_ITERATIONS_INVALID} or {@code SIMULATION_SPEC_INVALID}
     */
    public SimulationSpec {
        Objects.requireNonNull(model, "model");
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new SimulationException(ErrorCode.SIMULATION_ITERATIONS_INVALID, "iterations is " + iterations
                    + "; ask for 1 to " + MAX_ITERATIONS + " iterations (10000 gives readiness to about ±0.01)");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw Checks.invalid("parallelism is " + parallelism + "; use 1 to " + MAX_PARALLELISM + " threads");
        }
    }

    /**
     * Returns this spec with another seed.
     *
     * @param value the seed
     * @return the new spec
     */
    public SimulationSpec withSeed(long value) {
        return new SimulationSpec(model, value, iterations, parallelism);
    }

    /**
     * Returns this spec with another iteration count.
     *
     * @param value 1 to {@link #MAX_ITERATIONS}
     * @return the new spec
     * @throws SimulationException {@code SIMULATION_ITERATIONS_INVALID}
     */
    public SimulationSpec withIterations(int value) {
        return new SimulationSpec(model, seed, value, parallelism);
    }

    /**
     * Returns this spec with another thread count; the results stay the same.
     *
     * @param value 1 to {@link #MAX_PARALLELISM}
     * @return the new spec
     * @throws SimulationException {@code SIMULATION_SPEC_INVALID}
     */
    public SimulationSpec withParallelism(int value) {
        return new SimulationSpec(model, seed, iterations, value);
    }
}
