package dev.idea.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class SimulationPropertiesTest {
    private final Simulations simulations = new DefaultSimulations();

    @Property(tries = 40)
    void run_sameSeed_givesTheSameResult(@ForAll long seed) {
        SimulationSpec spec = SimulationFixtures.small(SimulationFixtures.SMALL_PROBABILITIES, seed, 1500);
        ReadinessReport first = simulations.run(spec);
        ReadinessReport second = simulations.run(spec);
        assertThat(second).isEqualTo(first);
        assertThat(simulations.writeRecord(second)).isEqualTo(simulations.writeRecord(first));
    }

    @Property(tries = 25)
    void run_anyThreadCount_givesAnIdenticalResult(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int threads,
                                                   @ForAll @IntRange(min = 1, max = 12_000) int iterations) {
        SimulationSpec spec = SimulationFixtures.small(SimulationFixtures.SMALL_PROBABILITIES, seed, iterations);
        ReadinessReport single = simulations.run(spec);
        ReadinessReport parallel = simulations.run(spec.withParallelism(threads));
        assertThat(Outcome.of(parallel)).isEqualTo(Outcome.of(single));
        assertThat(parallel.reproducibility().resultDigest()).isEqualTo(single.reproducibility().resultDigest());
    }

    @Property(tries = 150)
    void raisingAnyPassProbability_neverLowersReadiness(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int which,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double a,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double b) {
        double[] lower = SimulationFixtures.SMALL_PROBABILITIES.clone();
        double[] higher = SimulationFixtures.SMALL_PROBABILITIES.clone();
        lower[which] = Math.min(a, b);
        higher[which] = Math.max(a, b);
        ReadinessReport low = simulations.run(SimulationFixtures.small(lower, seed, 800));
        ReadinessReport high = simulations.run(SimulationFixtures.small(higher, seed, 800));
        assertThat(high.readinessScore()).isGreaterThanOrEqualTo(low.readinessScore());
        assertThat(high.policyPassPct()).isGreaterThanOrEqualTo(low.policyPassPct());
        assertThat(high.rollout().succeeded()).isGreaterThanOrEqualTo(low.rollout().succeeded());
    }
}
