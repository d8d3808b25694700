package dev.idea.api.simulation;

import dev.idea.api.Digest;
import java.util.Objects;

/**
 * Everything needed to reproduce a simulation and to check that a reproduction matches.
 *
 * <p>Immutable. {@code seed}, {@code iterations}, {@code algorithm}, {@code streamScheme},
 * {@code reduction} and the model determine the result; {@code commonsRngVersion}, {@code jdkVersion}
 * and {@code parallelism} describe the run that produced it and never change a bit of it.
 *
 * @param seed the seed
 * @param iterations the number of iterations
 * @param algorithm the generator, as commons-rng names it, e.g. {@code XO_RO_SHI_RO_128_PP}
 * @param streamScheme how each iteration's stream is derived from (seed, iteration) and how draws
 *     become doubles
 * @param reduction how per-iteration results are combined
 * @param commonsRngVersion the commons-rng version of the run
 * @param jdkVersion the JDK version of the run
 * @param parallelism the threads of the run
 * @param drawsPerIteration uniform draws per iteration
 * @param modelDigest SHA-256 of the RFC 8785 form of the model
 * @param inputDigest SHA-256 of the RFC 8785 form of the spec (model, seed, iterations)
 * @param resultDigest SHA-256 of the RFC 8785 form of the result
 * @since 0.1
 */
public record Reproducibility(long seed, int iterations, String algorithm, String streamScheme, String reduction,
                              String commonsRngVersion, String jdkVersion, int parallelism, long drawsPerIteration,
                              Digest modelDigest, Digest inputDigest,
                              Digest resultDigest) {
    /** Checks that no field is null. */
    public Reproducibility {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(streamScheme, "streamScheme");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(commonsRngVersion, "commonsRngVersion");
        Objects.requireNonNull(jdkVersion, "jdkVersion");
        Objects.requireNonNull(modelDigest, "modelDigest");
        Objects.requireNonNull(inputDigest, "inputDigest");
        Objects.requireNonNull(resultDigest, "resultDigest");
    }
}
