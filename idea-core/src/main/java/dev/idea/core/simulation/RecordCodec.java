package dev.idea.core.simulation;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.VerificationException;
import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.Reproducibility;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonValue;
import java.util.List;

/**
 * Writes and reads simulation records: in-toto Statement v1 documents whose subject is the spec (by
 * its input digest) and whose predicate holds the spec, the reproducibility metadata and the result.
 *
 * <p>Stateless and thread-safe.
 */
final class RecordCodec {
    /** The in-toto Statement type. */
    static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    /** The name of the record's single subject. */
    static final String SUBJECT_NAME = "simulation-spec";

    private RecordCodec() {
    }

    /** A record as read: the report, and the JSON of its spec and result for exact comparison. */
    record Parsed(ReadinessReport report, JsonObject result) {
    }

    static JsonObject write(ReadinessReport report) {
        Reproducibility r = report.reproducibility();
        JsonObject reproducibility = JsonObject.builder()
                .put("seed", Long.toString(r.seed()))
                .put("iterations", r.iterations())
                .put("algorithm", r.algorithm())
                .put("streamScheme", r.streamScheme())
                .put("reduction", r.reduction())
                .put("commonsRngVersion", r.commonsRngVersion())
                .put("jdkVersion", r.jdkVersion())
                .put("parallelism", r.parallelism())
                .put("drawsPerIteration", r.drawsPerIteration())
                .put("modelDigest", r.modelDigest().toString())
                .put("inputDigest", r.inputDigest().toString())
                .put("resultDigest", r.resultDigest().toString())
                .build();
        JsonObject subject = JsonObject.builder().put("name", SUBJECT_NAME)
                .put("digest", JsonObject.builder().put("sha256", r.inputDigest().hex()).build()).build();
        return JsonObject.builder()
                .put("_type", STATEMENT_TYPE)
                .put("subject", new JsonArray(List.of(subject)))
                .put("predicateType", Simulations.PREDICATE_TYPE)
                .put("predicate", JsonObject.builder()
                        .put("spec", SpecCodec.write(report.spec(), false))
                        .put("reproducibility", reproducibility)
                        .put("result", ResultCodec.write(Outcome.of(report)))
                        .build())
                .build();
    }

    static Parsed read(JsonValue document) {
        Fields statement = Fields.of(document, "$", "_type", "subject", "predicateType", "predicate");
        require(STATEMENT_TYPE.equals(statement.string("_type")), "$._type is \"" + statement.string("_type")
                + "\", not the in-toto Statement type " + STATEMENT_TYPE);
        require(Simulations.PREDICATE_TYPE.equals(statement.string("predicateType")), "$.predicateType is \""
                + statement.string("predicateType") + "\"; this version replays " + Simulations.PREDICATE_TYPE);
        List<Fields> subjects = statement.objects("subject", "name", "digest");
        require(subjects.size() == 1, "$.subject must hold exactly one entry (the spec) but holds " + subjects.size());
        String subjectHex = subjects.get(0).object("digest", "sha256").string("sha256");
        Fields predicate = statement.object("predicate", "spec", "reproducibility", "result");
        Fields r = predicate.object("reproducibility", "seed", "iterations", "algorithm", "streamScheme", "reduction",
                "commonsRngVersion", "jdkVersion", "parallelism", "drawsPerIteration", "modelDigest", "inputDigest",
                "resultDigest");
        supported(r, "algorithm", DefaultSimulations.ALGORITHM);
        supported(r, "streamScheme", DefaultSimulations.STREAM_SCHEME);
        supported(r, "reduction", ReadinessRun.REDUCTION);
        SimulationSpec spec = SpecCodec.read(predicate.value("spec"), null).withParallelism(
                Math.max(1, Math.min(SimulationSpec.MAX_PARALLELISM, r.intValue("parallelism", 1))));
        long seed = SpecCodec.seed(r, "seed");
        require(seed == spec.seed() && r.integer("iterations") == spec.iterations(), "$.predicate.reproducibility says seed "
                + seed + " and " + r.integer("iterations") + " iterations but the spec says seed " + spec.seed() + " and "
                + spec.iterations());
        Reproducibility reproducibility = new Reproducibility(seed, spec.iterations(), r.string("algorithm"),
                r.string("streamScheme"), r.string("reduction"), r.string("commonsRngVersion"), r.string("jdkVersion"),
                spec.parallelism(), r.integer("drawsPerIteration"), digest(r, "modelDigest"), digest(r, "inputDigest"),
                digest(r, "resultDigest"));
        require(reproducibility.inputDigest().hex().equals(subjectHex), "$.subject[0].digest.sha256 " + subjectHex
                + " is not the record's inputDigest " + reproducibility.inputDigest());
        JsonValue resultJson = predicate.value("result");
        Fields result = Fields.of(resultJson, "$.predicate.result", "readyIterations", "readinessScore",
                "readinessScoreInterval", "policyPassIterations", "policyPassPct", "policyPassPctInterval", "validators",
                "approvals", "rollout");
        return new Parsed(ResultCodec.read(result).toReport(spec, reproducibility), (JsonObject) resultJson);
    }

    private static void supported(Fields r, String key, String expected) {
        String actual = r.string(key);
        require(expected.equals(actual), "the record was made with " + key + " \"" + actual
                + "\"; this version replays only \"" + expected + "\", re-run the spec to get a record it can replay");
    }

    private static Digest digest(Fields f, String key) {
        try {
            return Digest.parse(f.string(key));
        } catch (FormatException e) {
            throw Fields.violation(f.path() + "." + key + ": " + e.getMessage());
        }
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new VerificationException(ErrorCode.SIMULATION_RECORD_INVALID, message);
        }
    }
}
