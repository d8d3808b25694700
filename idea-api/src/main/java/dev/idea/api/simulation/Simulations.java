package dev.idea.api.simulation;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;

/**
 * Deterministic Monte Carlo readiness simulation: parse a spec, run it, write the result as an
 * in-toto Statement, and replay a record bit for bit. Obtain it from
 * {@link dev.idea.api.Idea#simulations()}; it needs no storage and no provider.
 *
 * <p>Implementations are thread-safe and stateless; {@link #run} uses its own threads when the spec
 * asks for more than one.
 *
 * <p>Determinism guarantees: the result is a function of the model, the seed and the iteration count
 * only. Each iteration draws from its own stream derived from (seed, iteration); doubles are made
 * from 64-bit outputs by IDEA's code and transcendental functions use {@link StrictMath}, and
 * per-iteration results are combined in fixed-size chunks in iteration order. The same spec gives the
 * same bytes with any thread count, on any JVM.
 *
 * @since 0.1
 */
public interface Simulations {

    /** The {@code predicateType} of simulation records. */
    String PREDICATE_TYPE = "https://idea.dev/attestation/readiness-simulation/v1";

    /** The {@code schema} member of spec documents. */
    String SPEC_SCHEMA = "idea.simulation-spec.v1";

    /**
     * Parses a spec document ({@code docs/simulation.md}) that carries its own {@code seed}.
     *
     * @param json the spec document
     * @return the spec
     * @throws dev.idea.api.FormatException with a {@code JSON_*} code when the JSON is malformed or a
     *     member is missing, unknown or of the wrong type
     * @throws SimulationException with a {@code SIMULATION_*} code when a value is out of range
     */
    SimulationSpec parseSpec(Bytes json);

    /**
     * Parses a spec document and uses the given seed in place of any seed it carries.
     *
     * @param json the spec document
     * @param seed the seed
     * @return the spec
     * @throws dev.idea.api.FormatException as {@link #parseSpec(Bytes)}
     * @throws SimulationException as {@link #parseSpec(Bytes)}
     */
    SimulationSpec parseSpec(Bytes json, long seed);

    /**
     * Writes a spec as an RFC 8785 document that {@link #parseSpec(Bytes)} reads back; the seed is a
     * decimal string so that every 64-bit seed survives.
     *
     * @param spec the spec
     * @return canonical JSON bytes
     */
    Bytes writeSpec(SimulationSpec spec);

    /**
     * Returns SHA-256 of the RFC 8785 form of a model.
     *
     * @param model the model
     * @return the model digest
     */
    Digest modelDigest(ReadinessModel model);

    /**
     * Runs a simulation.
     *
     * @param spec what to simulate
     * @return the report with its reproducibility metadata
     * @throws SimulationException {@code SIMULATION_SPEC_INVALID} when the rollout plan leaves a target
     *     or a wave without the other, {@code SIMULATION_INTERRUPTED} when the thread is interrupted
     */
    ReadinessReport run(SimulationSpec spec);

    /**
     * Writes a report as an in-toto Statement v1 whose subject is the spec (by its input digest) and
     * whose predicate holds the spec, the reproducibility metadata and the result.
     *
     * @param report the report
     * @return canonical JSON bytes
     */
    Bytes writeRecord(ReadinessReport report);

    /**
     * Reads a record written by {@link #writeRecord} and checks that its digests match its content.
     *
     * @param json the record
     * @return the report it holds (not re-run)
     * @throws dev.idea.api.FormatException with a {@code JSON_*} code when the document is malformed
     * @throws dev.idea.api.VerificationException {@code SIMULATION_RECORD_INVALID} when a digest does
     *     not match, or the record names an algorithm, stream scheme or predicate type this version
     *     cannot replay
     */
    ReadinessReport readRecord(Bytes json);

    /**
     * Re-runs the simulation a record describes, with the record's thread count, and verifies that
     * every result value and digest is identical.
     *
     * @param json the record
     * @return the fresh report
     * @throws dev.idea.api.VerificationException {@code SIMULATION_REPLAY_MISMATCH} naming the seed and
     *     the first value that differs, or {@code SIMULATION_RECORD_INVALID} as {@link #readRecord}
     */
    ReadinessReport replay(Bytes json);

    /**
     * Re-runs the simulation a record describes with the given thread count and verifies it.
     *
     * @param json the record
     * @param parallelism threads for the re-run, 1 to {@link SimulationSpec#MAX_PARALLELISM}
     * @return the fresh report
     * @throws dev.idea.api.VerificationException as {@link #replay(Bytes)}
     */
    ReadinessReport replay(Bytes json, int parallelism);
}
