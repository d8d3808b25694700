package dev.idea.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.Bytes;
import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonNumber;
import dev.idea.core.internal.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Baseline regression: the readiness of the baseline spec for fixed seeds, within tolerances
 * (readinessScore ±0.001, policyPassPct ±0.005), and bit for bit (digests and the whole result).
 *
 * <p>A change of the engine, the stream scheme or the reduction fails this test. When such a change
 * is intended, regenerate the goldens with {@code -Didea.baseline.write=true} and review the diff.
 */
class ReadinessBaselineTest {
    private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "baseline");

    @ParameterizedTest
    @ValueSource(strings = {"readiness-seed42.json", "readiness-seed-20260101-threads3.json"})
    void baseline_matchesWithinToleranceAndBitForBit(String file) throws Exception {
        JsonObject golden = Json.parseObject(SimulationFixtures.resource("/baseline/" + file).toByteArray(), JsonLimits.DEFAULT);
        DefaultSimulations simulations = new DefaultSimulations();
        SimulationSpec spec = simulations.parseSpec(SimulationFixtures.resource("/" + golden.requireString("spec")),
                        SpecCodec.seed(Fields.of(golden, "$", "spec", "seed", "iterations", "parallelism", "tolerance",
                                "expected", "exact", "note"), "seed"))
                .withIterations((int) golden.requireLong("iterations"))
                .withParallelism((int) golden.requireLong("parallelism"));
        ReadinessReport report = simulations.run(spec);
        JsonObject result = ResultCodec.write(Outcome.of(report));

        if (Boolean.getBoolean("idea.baseline.write")) {
            write(file, golden, report, result);
            return;
        }
        JsonObject tolerance = golden.requireObject("tolerance");
        JsonObject expected = golden.requireObject("expected");
        assertThat(report.readinessScore()).as("readinessScore of " + file)
                .isCloseTo(number(expected, "readinessScore"), org.assertj.core.api.Assertions.within(number(tolerance, "readinessScore")));
        assertThat(report.policyPassPct()).as("policyPassPct of " + file)
                .isCloseTo(number(expected, "policyPassPct"), org.assertj.core.api.Assertions.within(number(tolerance, "policyPassPct")));

        JsonObject exact = golden.requireObject("exact");
        assertThat(report.reproducibility().modelDigest().toString()).as("modelDigest").isEqualTo(exact.requireString("modelDigest"));
        assertThat(report.reproducibility().inputDigest().toString()).as("inputDigest").isEqualTo(exact.requireString("inputDigest"));
        assertThat(JsonDifference.first(exact.requireObject("result"), result, "result")).as("first difference").isNull();
        assertThat(report.reproducibility().resultDigest().toString()).as("resultDigest").isEqualTo(exact.requireString("resultDigest"));
    }

    private static double number(JsonObject o, String key) {
        return ((JsonNumber) o.get(key).orElseThrow()).value();
    }

    private static void write(String file, JsonObject golden, ReadinessReport report, JsonObject result) throws Exception {
        JsonObject updated = JsonObject.builder()
                .put("note", golden.requireString("note"))
                .put("spec", golden.requireString("spec"))
                .put("seed", golden.get("seed").orElseThrow())
                .put("iterations", golden.requireLong("iterations"))
                .put("parallelism", golden.requireLong("parallelism"))
                .put("tolerance", golden.requireObject("tolerance"))
                .put("expected", JsonObject.builder().put("readinessScore", new JsonNumber(report.readinessScore()))
                        .put("policyPassPct", new JsonNumber(report.policyPassPct())).build())
                .put("exact", JsonObject.builder()
                        .put("modelDigest", report.reproducibility().modelDigest().toString())
                        .put("inputDigest", report.reproducibility().inputDigest().toString())
                        .put("resultDigest", report.reproducibility().resultDigest().toString())
                        .put("result", result).build())
                .build();
        Files.writeString(SOURCE_DIR.resolve(file), Bytes.of(Json.write(updated)).utf8String() + "\n", StandardCharsets.UTF_8);
    }
}
