package dev.idea.core.validation.builtin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process and every descendant seen while it ran, so that the whole tree can be killed.
 *
 * <p>Descendants are sampled while waiting ({@link ProcessHandle#descendants()}), because a process
 * whose parent has exited is re-parented and is no longer a descendant; one that forks and exits
 * between two samples (every {@value #SAMPLE_MILLIS} ms) can escape. Not thread-safe.
 */
final class ProcessTree {
    static final long SAMPLE_MILLIS = 50;
    private final Process root;
    private final Map<Long, ProcessHandle> seen = new TreeMap<>();

    ProcessTree(Process root) {
        this.root = root;
    }

    /**
     * Waits for the root process to exit, sampling descendants.
     *
     * @return true when it exited within the timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean await(long timeoutMillis) throws InterruptedException {
        long waited = 0;
        while (true) {
            sample();
            long slice = Math.min(SAMPLE_MILLIS, timeoutMillis - waited);
            if (slice <= 0) {
                return !root.isAlive();
            }
            if (root.waitFor(slice, TimeUnit.MILLISECONDS)) {
                return true;
            }
            waited += slice;
        }
    }

    private void sample() {
        root.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
    }

    /** Kills the root and every descendant seen or still attached, and waits briefly for them to go. */
    void killAll() {
        sample();
        // Through the handle, not Process.destroyForcibly(): the latter also closes our end of the output
        // pipe, which would lose output the command wrote just before it exited.
        root.toHandle().destroyForcibly();
        for (ProcessHandle h : seen.values()) {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        }
        try {
            root.waitFor(5, TimeUnit.SECONDS);
            for (ProcessHandle h : seen.values()) {
                h.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a process that does not die within 5 s after SIGKILL is reported by the caller's outcome anyway
        }
    }
}
