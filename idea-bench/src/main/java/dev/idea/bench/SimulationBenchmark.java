package dev.idea.bench;

import dev.idea.api.Bytes;
import dev.idea.api.Idea;
import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Readiness simulation throughput in random draws per second, on one and two threads, beside the raw
 * baseline of the bare commons-rng generator in the same fork.
 *
 * <p>The model is {@code samples/simulation/readiness-spec.json} (override with
 * {@code -Didea.bench.spec=FILE}): 6 validators, 2 approvals and 80 targets, so the fixed draw layout
 * is {@value #DRAWS_PER_ITERATION} draws per iteration; iterations that halt or roll back stop
 * drawing early, so the real rate is slightly above the reported one. Setup checks that one and two
 * threads give the same result digest.
 *
 * <p>Run: {@code java -jar idea-bench/target/idea-bench.jar SimulationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulationBenchmark {
    /** Draws per simulated iteration of the sample spec: 6 + 2 × 2 + 2 × 80. */
    static final int DRAWS_PER_ITERATION = 170;
    /** Simulated iterations per benchmark invocation. */
    static final int ITERATIONS = 16_384;
    static final int DRAWS = DRAWS_PER_ITERATION * ITERATIONS;

    private final Simulations simulations = Idea.simulations();
    private SimulationSpec oneThread;
    private SimulationSpec twoThreads;
    private UniformRandomProvider raw;

    /** Loads the spec and checks that the thread count does not change the output. */
    @Setup
    public void setUp() {
        Path file = Path.of(System.getProperty("idea.bench.spec", "samples/simulation/readiness-spec.json"));
        try {
            oneThread = simulations.parseSpec(Bytes.of(Files.readAllBytes(file)), 42).withIterations(ITERATIONS)
                    .withParallelism(1);
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root or pass -Didea.bench.spec=FILE", e);
        }
        twoThreads = oneThread.withParallelism(2);
        ReadinessReport a = simulations.run(oneThread);
        ReadinessReport b = simulations.run(twoThreads);
        if (a.reproducibility().drawsPerIteration() != DRAWS_PER_ITERATION) {
            throw new IllegalStateException("spec draws " + a.reproducibility().drawsPerIteration()
                    + " values per iteration; DRAWS_PER_ITERATION assumes " + DRAWS_PER_ITERATION);
        }
        if (!a.reproducibility().resultDigest().equals(b.reproducibility().resultDigest())) {
            throw new IllegalStateException("1 and 2 threads differ: " + a.reproducibility().resultDigest() + " vs "
                    + b.reproducibility().resultDigest());
        }
        raw = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    }

    /**
     * Raw baseline: one bare {@code nextLong()} of the generator the simulation uses.
     *
     * @return the value
     */
    @Benchmark
    public long rawNextLong() {
        return raw.nextLong();
    }

    /**
     * Raw baseline: a bare uniform double made as the simulation makes it.
     *
     * @return the value
     */
    @Benchmark
    public double rawUniformDouble() {
        return (raw.nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * The readiness model on one thread; the score is draws per second.
     *
     * @return the readiness score, so the run is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double readinessOneThread() {
        return simulations.run(oneThread).readinessScore();
    }

    /**
     * The readiness model on two threads; the score is draws per second.
     *
     * @return the readiness score, so the run is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public double readinessTwoThreads() {
        return simulations.run(twoThreads).readinessScore();
    }
}
