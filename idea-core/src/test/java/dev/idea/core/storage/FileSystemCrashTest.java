package dev.idea.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (SIGKILL on Linux) while it appends to a filesystem log, then checks that every
 * acknowledged batch survived and that no batch is partly present.
 *
 * <p>{@code -Didea.crash.rounds=500} runs more rounds; {@code -Didea.crash.seed=N} replays the kill
 * schedule of a failed run (the seed is in every failure message).
 */
class FileSystemCrashTest {
    private static final int FULL_CHECK_EVERY = 10;

    @TempDir
    Path tempDir;

    @Test
    void append_childKilledAtRandomMoments_keepsEveryAcknowledgedBatch() throws Exception {
        int rounds = Integer.getInteger("idea.crash.rounds", 50);
        long seed = Long.getLong("idea.crash.seed", 0x1DEAL);
        SplittableRandom random = new SplittableRandom(seed);
        Path dir = tempDir.resolve("storage");
        long verified = 0;
        long lastAcknowledged = 0;
        for (int round = 0; round < rounds; round++) {
            String where = "seed " + seed + " (-Didea.crash.seed=" + seed + "), round " + round;
            long acknowledged = runAndKill(dir, random, round, where);
            lastAcknowledged = Math.max(lastAcknowledged, acknowledged);
            boolean full = round % FULL_CHECK_EVERY == 0 || round == rounds - 1;
            verified = verify(dir, full ? 0 : verified, lastAcknowledged, where);
        }
        assertTrue(verified > 0, "the child never acknowledged an append in " + rounds + " rounds, seed " + seed);
    }

    private long runAndKill(Path dir, SplittableRandom random, int round, String where) throws Exception {
        Path err = tempDir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CrashAppender.class.getName(), dir.toString())
                .redirectError(err.toFile())
                .start();
        AtomicLong acknowledged = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcknowledgements(child, acknowledged, ready), "crash-reader-" + round);
        reader.start();
        if (random.nextInt(10) == 0) {
            Thread.sleep(random.nextInt(400)); // kill during start-up or recovery
        } else {
            assertTrue(ready.await(60, TimeUnit.SECONDS) || !child.isAlive(), "child did not start; " + where);
            Thread.sleep(random.nextInt(150));
        }
        boolean aliveBeforeKill = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die; " + where);
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(aliveBeforeKill, "child exited by itself with " + child.exitValue() + ": "
                + Files.readString(err) + "; " + where);
        return acknowledged.get();
    }

    private static void readAcknowledgements(Process child, AtomicLong acknowledged, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ready ")) {
                    ready.countDown();
                } else if (!line.isEmpty()) {
                    try {
                        acknowledged.accumulateAndGet(Long.parseLong(line), Math::max);
                    } catch (NumberFormatException e) {
                        return; // a line cut by the kill: its append was acknowledged but the proof is lost
                    }
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read so far counts.
        }
    }

    private static long verify(Path dir, long from, long acknowledged, String where) {
        StorageContext context = new StorageContext(
                Map.of(FileSystemStorageProvider.DIRECTORY_PROPERTY, dir.toString()), null,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        try (Storage storage = new FileSystemStorageProvider().open(context)) {
            AppendLog log = storage.log(CrashWorkload.LOG_NAME);
            long size = log.size();
            assertTrue(size >= acknowledged, "size " + size + " < acknowledged " + acknowledged + "; " + where);
            assertTrue(CrashWorkload.batchAt(size) >= 0, "size " + size + " splits a batch; " + where);
            for (long i = from; i < size; ) {
                List<Bytes> chunk = log.read(i, 256);
                for (Bytes entry : chunk) {
                    if (!entry.equals(CrashWorkload.entry(i))) {
                        assertEquals(CrashWorkload.entry(i), entry, "entry " + i + " differs; " + where);
                    }
                    i++;
                }
            }
            return size;
        }
    }
}
