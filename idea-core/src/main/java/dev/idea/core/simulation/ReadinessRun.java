package dev.idea.core.simulation;

import dev.idea.api.ErrorCode;
import dev.idea.api.simulation.SimulationException;
import dev.idea.core.internal.simulation.IterationStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the iterations of one simulation on one or more threads and reduces them in a fixed order.
 *
 * <p>Iterations are cut into chunks of {@value #CHUNK} consecutive iterations, whatever the thread
 * count. Threads take chunks from a shared counter; each chunk's tally sums its iterations in order,
 * and the chunk tallies are added in chunk order once all are done. The result is therefore the same,
 * bit for bit, for every thread count and every schedule.
 *
 * <p>Each call uses its own threads and ends them before returning; instances are not shared.
 */
final class ReadinessRun {
    /** Iterations per chunk; part of the reduction scheme, never derived from the thread count. */
    static final int CHUNK = 1024;
    /** Identifies the reduction; part of every simulation record. */
    static final String REDUCTION = "chunks-of-" + CHUNK + "-summed-in-iteration-order-v1";

    private final CompiledModel model;
    private final long seed;
    private final int iterations;
    private final Tally[] chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    private ReadinessRun(CompiledModel model, long seed, int iterations) {
        this.model = model;
        this.seed = seed;
        this.iterations = iterations;
        this.chunks = new Tally[(int) ((iterations + (long) CHUNK - 1) / CHUNK)];
    }

    /**
     * Simulates {@code iterations} iterations of a model.
     *
     * @param model the compiled model
     * @param seed the seed
     * @param iterations at least 1
     * @param parallelism threads to use, at least 1; the calling thread is one of them
     * @return the tally of all iterations
     * @throws SimulationException {@code SIMULATION_INTERRUPTED} when the calling thread is interrupted
     */
    static Tally run(CompiledModel model, long seed, int iterations, int parallelism) {
        return new ReadinessRun(model, seed, iterations).execute(parallelism);
    }

    private Tally execute(int parallelism) {
        int threads = Math.min(parallelism, chunks.length);
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(this::work, "idea-simulation-" + seed + "-" + i);
            t.setDaemon(true);
            helpers.add(t);
            t.start();
        }
        work();
        try {
            for (Thread t : helpers) {
                t.join();
            }
        } catch (InterruptedException e) {
            cancelled = true;
            helpers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new SimulationException(ErrorCode.SIMULATION_INTERRUPTED, "the simulation with seed " + seed
                    + " was interrupted before its " + iterations + " iterations finished; run it again", e);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException re) {
            throw re;
        } else if (thrown instanceof Error err) {
            throw err;
        }
        if (cancelled) {
            throw new SimulationException(ErrorCode.SIMULATION_INTERRUPTED, "the simulation with seed " + seed
                    + " was interrupted before its " + iterations + " iterations finished; run it again");
        }
        Tally total = new Tally(model);
        for (Tally chunk : chunks) {
            total.add(chunk);
        }
        return total;
    }

    private void work() {
        try {
            IterationStream stream = new IterationStream();
            for (int c = nextChunk.getAndIncrement(); c < chunks.length; c = nextChunk.getAndIncrement()) {
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                    return;
                }
                Tally tally = new Tally(model);
                long from = (long) c * CHUNK;
                long to = Math.min(iterations, from + CHUNK);
                for (long i = from; i < to; i++) {
                    stream.reset(seed, i);
                    tally.simulate(model, stream);
                }
                chunks[c] = tally;
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            cancelled = true;
        }
    }
}
