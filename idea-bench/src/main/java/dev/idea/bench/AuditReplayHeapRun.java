package dev.idea.bench;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Digest;
import dev.idea.core.audit.ChainReplay;
import dev.idea.core.codec.AuditEventCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A documented run, not a JMH benchmark: replays a chain of N events (default 10 million) produced on
 * the fly, streaming, and reports the peak heap, to show that replay memory does not grow with the log.
 * Run with {@code java -Xmx256m -cp idea-bench.jar:lib/* dev.idea.bench.AuditReplayHeapRun 10000000}.
 */
public final class AuditReplayHeapRun {
    private AuditReplayHeapRun() {
    }

    /**
     * Runs the replay.
     *
     * @param args optional event count
     */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        ChainReplay replay = new ChainReplay(List.of());
        Digest prev = AuditEvent.GENESIS_PREV_HASH;
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            AuditEvent e = AuditEventCodec.seal(i, t0.plusMillis(i), AuditEventType.SUBMIT, "alice", "mf_" + (i / 4), null, null,
                    Map.of("i", Long.toString(i)), prev);
            Bytes entry = AuditEventCodec.write(e);
            replay.accept(entry, () -> -1);
            prev = e.hash();
        }
        ChainVerification v = replay.finish();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("replayed %d events (produced and replayed) in %.1f s, root %s, max heap %d MB, peak heap used %d MB%n",
                v.eventCount(), seconds, replay.root(), Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }
}
