package dev.idea.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.AuditEvent;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.spi.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (SIGKILL) while it appends audit events through the filesystem storage; after each
 * round the audit log reopens (torn tail truncated, missing tree nodes rebuilt), no acknowledged event
 * is lost, and the chain, the Merkle tree and every signed checkpoint verify.
 *
 * <p>{@code -Didea.crash.rounds=500} runs more rounds; {@code -Didea.crash.seed=N} replays a schedule.
 */
class AuditCrashTest {
    @TempDir
    Path tempDir;

    @Test
    void append_childKilledAtRandomMoments_keepsEveryAcknowledgedEventAndTheTreeVerifies() throws Exception {
        int rounds = Integer.getInteger("idea.crash.rounds", 50);
        long seed = Long.getLong("idea.crash.seed", 0xA0D17L);
        SplittableRandom random = new SplittableRandom(seed);
        Path dir = tempDir.resolve("storage");
        long acknowledged = 0;
        long verified = 0;
        for (int round = 0; round < rounds; round++) {
            String where = "seed " + seed + " (-Didea.crash.seed=" + seed + "), round " + round;
            acknowledged = Math.max(acknowledged, runAndKill(dir, random, round, where));
            verified = verify(dir, acknowledged, where);
        }
        assertTrue(verified > 0, "the child never acknowledged an append, seed " + seed);
    }

    private long runAndKill(Path dir, SplittableRandom random, int round, String where) throws Exception {
        Path err = tempDir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AuditCrashAppender.class.getName(), dir.toString())
                .redirectError(err.toFile()).start();
        AtomicLong acknowledged = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(child, acknowledged, ready), "audit-crash-reader-" + round);
        reader.start();
        if (random.nextInt(10) == 0) {
            Thread.sleep(random.nextInt(300));
        } else {
            assertTrue(ready.await(60, TimeUnit.SECONDS) || !child.isAlive(), "child did not start; " + where);
            Thread.sleep(random.nextInt(120));
        }
        boolean alive = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die; " + where);
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(alive, "child exited by itself: " + Files.readString(err) + "; " + where);
        return acknowledged.get();
    }

    private static void read(Process child, AtomicLong acknowledged, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ready ")) {
                    ready.countDown();
                } else if (!line.isEmpty()) {
                    try {
                        acknowledged.accumulateAndGet(Long.parseLong(line), Math::max);
                    } catch (NumberFormatException e) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the pipe breaks at the kill; what was read counts
        }
    }

    private static long verify(Path dir, long acknowledged, String where) {
        try (Storage storage = AuditCrashAppender.storage(dir.toString())) {
            AuditLog log = AuditCrashAppender.open(storage);
            long size = log.size();
            assertTrue(size >= acknowledged, "audit log has " + size + " events but " + acknowledged + " were acknowledged; " + where);
            ChainVerification v = log.verify();
            assertEquals(size, v.eventCount(), where);
            assertEquals(size, log.treeSize(), where);
            if (size > 0) {
                Digest root = log.root(size);
                AuditEvent last = log.read(size - 1, 1).get(0);
                log.inclusionProof(size - 1, size).verify(Digest.ofSha256(AuditLog.leafHash(last.hash())), root);
                Checkpoint cp = log.latestCheckpoint().orElse(null);
                if (cp != null) {
                    log.consistencyProof(cp.treeSize(), size).verify(cp.rootHash(), root);
                }
            }
            return size;
        }
    }
}
