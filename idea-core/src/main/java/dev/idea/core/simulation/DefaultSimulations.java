package dev.idea.core.simulation;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import dev.idea.api.simulation.ReadinessModel;
import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.Reproducibility;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.core.internal.simulation.IterationStream;
import java.util.Objects;

/**
 * The {@link Simulations} of {@code idea-core}.
 *
 * <p>Stateless and thread-safe; each {@link #run} uses its own threads.
 *
 * <p>Security guarantees: replay re-runs the simulation and compares every result value and every
 * digest; it never trusts the record's own digests. Spec and record parsing is strict RFC 8259 JSON
 * within {@link JsonLimits#DEFAULT}, and unknown members are refused.
 */
public final class DefaultSimulations implements Simulations {
    /** The generator, as commons-rng names it. */
    static final String ALGORITHM = IterationStream.ALGORITHM;
    /** How iteration streams are derived. */
    static final String STREAM_SCHEME = IterationStream.STREAM_SCHEME;

    /** Creates the simulations; obtain them through {@code Idea.simulations()}. */
    public DefaultSimulations() {
    }

    @Override
    public SimulationSpec parseSpec(Bytes json) {
        return SpecCodec.read(parse(json), null);
    }

    @Override
    public SimulationSpec parseSpec(Bytes json, long seed) {
        return SpecCodec.read(parse(json), seed);
    }

    @Override
    public Bytes writeSpec(SimulationSpec spec) {
        return Bytes.of(Json.write(SpecCodec.write(Objects.requireNonNull(spec, "spec"), true)));
    }

    @Override
    public Digest modelDigest(ReadinessModel model) {
        return sha256(SpecCodec.model(Objects.requireNonNull(model, "model")));
    }

    @Override
    public ReadinessReport run(SimulationSpec spec) {
        Objects.requireNonNull(spec, "spec");
        CompiledModel compiled = new CompiledModel(spec.model());
        Tally tally = ReadinessRun.run(compiled, spec.seed(), spec.iterations(), spec.parallelism());
        Outcome outcome = Outcome.of(tally, compiled, spec.model(), spec.iterations());
        Reproducibility reproducibility = new Reproducibility(spec.seed(), spec.iterations(), ALGORITHM, STREAM_SCHEME,
                ReadinessRun.REDUCTION, IterationStream.commonsRngVersion(), Runtime.version().toString(),
                spec.parallelism(), compiled.drawsPerIteration, modelDigest(spec.model()),
                sha256(SpecCodec.write(spec, false)), sha256(ResultCodec.write(outcome)));
        return outcome.toReport(spec, reproducibility);
    }

    @Override
    public Bytes writeRecord(ReadinessReport report) {
        return Bytes.of(Json.write(RecordCodec.write(Objects.requireNonNull(report, "report"))));
    }

    @Override
    public ReadinessReport readRecord(Bytes json) {
        RecordCodec.Parsed parsed = RecordCodec.read(parse(json));
        ReadinessReport report = parsed.report();
        Reproducibility r = report.reproducibility();
        RecordCodec.require(r.modelDigest().equals(modelDigest(report.spec().model())), "the record's modelDigest "
                + r.modelDigest() + " is not the digest of its model (" + modelDigest(report.spec().model()) + ")");
        Digest input = sha256(SpecCodec.write(report.spec(), false));
        RecordCodec.require(r.inputDigest().equals(input), "the record's inputDigest " + r.inputDigest()
                + " is not the digest of its spec (" + input + ")");
        Digest result = sha256(parsed.result());
        RecordCodec.require(r.resultDigest().equals(result), "the record's resultDigest " + r.resultDigest()
                + " is not the digest of its result (" + result + "); the result was edited after the run");
        return report;
    }

    @Override
    public ReadinessReport replay(Bytes json) {
        RecordCodec.Parsed parsed = RecordCodec.read(parse(json));
        return replay(parsed, parsed.report().spec().parallelism());
    }

    @Override
    public ReadinessReport replay(Bytes json, int parallelism) {
        return replay(RecordCodec.read(parse(json)), parallelism);
    }

    private ReadinessReport replay(RecordCodec.Parsed recorded, int parallelism) {
        SimulationSpec spec = recorded.report().spec();
        Reproducibility was = recorded.report().reproducibility();
        ReadinessReport fresh = run(spec.withParallelism(parallelism));
        Reproducibility now = fresh.reproducibility();
        String what = "replay of seed " + spec.seed() + " (" + spec.iterations() + " iterations)";
        String difference = JsonDifference.first(recorded.result(), ResultCodec.write(Outcome.of(fresh)),
                "$.predicate.result");
        if (difference != null) {
            throw mismatch(what + " differs from the record at " + difference
                    + "; the record was edited, or made by an engine that is not bit-compatible");
        }
        checkDigest(what, "modelDigest", was.modelDigest(), now.modelDigest());
        checkDigest(what, "inputDigest", was.inputDigest(), now.inputDigest());
        checkDigest(what, "resultDigest", was.resultDigest(), now.resultDigest());
        return fresh;
    }

    private static void checkDigest(String what, String name, Digest recorded, Digest computed) {
        if (!recorded.equals(computed)) {
            throw mismatch(what + " gives " + name + " " + computed + " but the record says " + recorded);
        }
    }

    private static VerificationException mismatch(String message) {
        return new VerificationException(ErrorCode.SIMULATION_REPLAY_MISMATCH, message);
    }

    private static JsonValue parse(Bytes json) {
        Objects.requireNonNull(json, "json");
        return Json.parse(json.toByteArray(), JsonLimits.DEFAULT);
    }

    private static Digest sha256(JsonObject document) {
        return Digest.sha256(Bytes.of(Json.write(document)));
    }
}
