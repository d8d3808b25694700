package dev.idea.core.simulation;

import dev.idea.api.Bytes;
import dev.idea.api.simulation.ApprovalModel;
import dev.idea.api.simulation.DelayDistribution;
import dev.idea.api.simulation.ReadinessModel;
import dev.idea.api.simulation.RolloutPlan;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.ValidatorModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Specs and models shared by the simulation tests. */
final class SimulationFixtures {
    private SimulationFixtures() {
    }

    /** The baseline spec (a copy of samples/simulation/readiness-spec.json). */
    static Bytes baselineSpecJson() {
        return resource("/simulation/readiness-spec.json");
    }

    static Bytes resource(String name) {
        try (InputStream in = SimulationFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return Bytes.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Probabilities of the small model, in the order {@link #small(double[], long, int)} reads them. */
    static final double[] SMALL_PROBABILITIES = {0.95, 0.9, 0.8, 0.97, 0.9, 0.99, 0.95};

    /**
     * A small model with every kind of component: validators p[0..2] (the last advisory), approvals
     * p[3..4], target groups p[5..6].
     */
    static SimulationSpec small(double[] p, long seed, int iterations) {
        ReadinessModel model = new ReadinessModel("small",
                List.of(new ValidatorModel("checksum", p[0], true), new ValidatorModel("sbom", p[1], true),
                        new ValidatorModel("lint", p[2], false)),
                List.of(new ApprovalModel("owner", "product", p[3], new DelayDistribution.LogNormal(2, 1), 12),
                        new ApprovalModel("security", "security", p[4], new DelayDistribution.Triangular(1, 4, 20), 16)),
                new RolloutPlan(
                        List.of(RolloutPlan.TargetGroup.of("eu", Map.of("region", "eu"), 6, p[5],
                                        new DelayDistribution.Triangular(1, 2, 6)),
                                RolloutPlan.TargetGroup.of("us", Map.of("region", "us"), 5, p[6],
                                        new DelayDistribution.Exponential(3))),
                        new RolloutPlan.Canary(10, 1, 0, 5),
                        List.of(RolloutPlan.Wave.of("eu", Map.of("region", "eu"), 3, 5),
                                RolloutPlan.Wave.of("rest", Map.of(), 2, 0)),
                        20, true,
                        List.of(new RolloutPlan.RollbackTrigger(RolloutPlan.Metric.FAILED_TARGETS_PCT, 25)), 10));
        return new SimulationSpec(model, seed, iterations, 1);
    }
}
