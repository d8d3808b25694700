package dev.idea.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.VerificationException;
import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.RolloutDryRun;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import org.junit.jupiter.api.Test;

class DefaultSimulationsTest {
    private final Simulations simulations = new DefaultSimulations();

    private SimulationSpec sample(int iterations) {
        return simulations.parseSpec(SimulationFixtures.baselineSpecJson()).withIterations(iterations);
    }

    @Test
    void simulations_areReachableThroughTheApiWithoutStorage() {
        assertThat(Idea.simulations()).isInstanceOf(DefaultSimulations.class);
    }

    @Test
    void run_anyThreadCount_givesBitIdenticalRecordsApartFromParallelism() {
        SimulationSpec spec = sample(5000);
        ReadinessReport one = simulations.run(spec.withParallelism(1));
        for (int threads : new int[] {2, 3, 8}) {
            ReadinessReport many = simulations.run(spec.withParallelism(threads));
            assertThat(many.reproducibility().resultDigest()).isEqualTo(one.reproducibility().resultDigest());
            assertThat(Outcome.of(many)).isEqualTo(Outcome.of(one));
        }
    }

    @Test
    void run_reportsConsistentCountsAndIntervals() {
        ReadinessReport r = simulations.run(sample(4000));
        assertThat(r.readinessScore()).isEqualTo(r.readyIterations() / 4000.0);
        assertThat(r.policyPassPct()).isEqualTo(100.0 * r.policyPassIterations() / 4000.0);
        assertThat(r.readyIterations()).isLessThanOrEqualTo(r.policyPassIterations())
                .isLessThanOrEqualTo(r.rollout().succeeded() + r.policyPassIterations());
        assertThat(r.readinessScoreInterval().lower()).isLessThanOrEqualTo(r.readinessScore());
        assertThat(r.readinessScoreInterval().upper()).isGreaterThanOrEqualTo(r.readinessScore());
        assertThat(r.policyPassPctInterval().lower()).isLessThanOrEqualTo(r.policyPassPct());
        assertThat(r.policyPassPctInterval().upper()).isGreaterThanOrEqualTo(r.policyPassPct()).isLessThanOrEqualTo(100);
        RolloutDryRun rollout = r.rollout();
        assertThat(rollout.waves()).extracting(RolloutDryRun.WaveOutcome::name).containsExactly("canary", "eu", "us", "rest");
        assertThat(rollout.waves()).extracting(RolloutDryRun.WaveOutcome::targets).containsExactly(4, 28, 32, 16);
        assertThat(rollout.waves().get(0).reached()).isEqualTo(4000);
        assertThat(r.reproducibility().drawsPerIteration()).isEqualTo(6 + 2 * 2 + 2 * 80);
        assertThat(r.reproducibility().algorithm()).isEqualTo("XO_RO_SHI_RO_128_PP");
        assertThat(r.reproducibility().jdkVersion()).isEqualTo(Runtime.version().toString());
    }

    @Test
    void writeRecord_readRecord_roundTripsTheReport() {
        ReadinessReport report = simulations.run(sample(2000));
        Bytes record = simulations.writeRecord(report);
        assertThat(simulations.readRecord(record)).isEqualTo(report);
        assertThat(Idea.formats().canonicalize(record)).isEqualTo(record);
        assertThat(record.utf8String()).contains("\"_type\":\"https://in-toto.io/Statement/v1\"")
                .contains("\"predicateType\":\"" + Simulations.PREDICATE_TYPE + "\"")
                .contains("\"sha256\":\"" + report.reproducibility().inputDigest().hex() + "\"");
    }

    @Test
    void replay_untouchedRecord_verifiesWithAnyThreadCount() {
        ReadinessReport report = simulations.run(sample(3000).withParallelism(2));
        Bytes record = simulations.writeRecord(report);
        assertThat(simulations.replay(record).reproducibility().resultDigest())
                .isEqualTo(report.reproducibility().resultDigest());
        assertThat(Outcome.of(simulations.replay(record, 1))).isEqualTo(Outcome.of(report));
    }

    @Test
    void replay_editedResultValue_failsWithMismatchNamingTheSeedAndTheValue() {
        Bytes record = simulations.writeRecord(simulations.run(sample(2000)));
        ReadinessReport report = simulations.readRecord(record);
        String edited = record.utf8String().replace("\"readyIterations\":" + report.readyIterations(),
                "\"readyIterations\":" + (report.readyIterations() + 1));
        assertThatThrownBy(() -> simulations.replay(Bytes.utf8(edited)))
                .isInstanceOf(VerificationException.class)
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_REPLAY_MISMATCH))
                .hasMessageContaining("seed 42")
                .hasMessageContaining("$.predicate.result.readyIterations");
        assertThatThrownBy(() -> simulations.readRecord(Bytes.utf8(edited)))
                .isInstanceOf(VerificationException.class)
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_RECORD_INVALID))
                .hasMessageContaining("resultDigest");
    }

    @Test
    void replay_editedResultDigest_failsWithMismatch() {
        ReadinessReport report = simulations.run(sample(1500));
        String digest = report.reproducibility().resultDigest().hex();
        String edited = simulations.writeRecord(report).utf8String().replace(digest, "0".repeat(64));
        assertThatThrownBy(() -> simulations.replay(Bytes.utf8(edited)))
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_REPLAY_MISMATCH))
                .hasMessageContaining("resultDigest");
    }

    @Test
    void replay_editedSpec_failsBecauseTheSubjectNoLongerMatches() {
        ReadinessReport report = simulations.run(sample(1500));
        String edited = simulations.writeRecord(report).utf8String().replace("\"passProbability\":0.999", "\"passProbability\":0.9");
        assertThatThrownBy(() -> simulations.replay(Bytes.utf8(edited)))
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_REPLAY_MISMATCH));
        assertThatThrownBy(() -> simulations.readRecord(Bytes.utf8(edited)))
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_RECORD_INVALID))
                .hasMessageContaining("modelDigest");
    }

    @Test
    void readRecord_unknownStreamScheme_isRefusedAsUnsupported() {
        String edited = simulations.writeRecord(simulations.run(sample(1000))).utf8String()
                .replace(DefaultSimulations.STREAM_SCHEME, "splitmix64-pairs-v0");
        assertThatThrownBy(() -> simulations.replay(Bytes.utf8(edited)))
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIMULATION_RECORD_INVALID))
                .hasMessageContaining("streamScheme");
    }

    @Test
    void writeSpec_parseSpec_roundTripsEvery64BitSeed() {
        SimulationSpec spec = sample(10).withSeed(Long.MIN_VALUE).withParallelism(3);
        assertThat(simulations.parseSpec(simulations.writeSpec(spec))).isEqualTo(spec);
        assertThat(simulations.parseSpec(SimulationFixtures.baselineSpecJson(), -7).seed()).isEqualTo(-7);
    }

    @Test
    void modelDigest_sparseAndExplicitSpec_areEqual() {
        SimulationSpec sparse = simulations.parseSpec(Bytes.utf8(SpecTexts.minimal()));
        SimulationSpec explicit = simulations.parseSpec(simulations.writeSpec(sparse));
        assertThat(simulations.modelDigest(explicit.model())).isEqualTo(simulations.modelDigest(sparse.model()));
    }
}
