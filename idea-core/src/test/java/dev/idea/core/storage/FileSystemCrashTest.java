package dev.idea.core.storage;

import dev.idea.core.CrashRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
            long acknowledged = CrashRound.runAndKill(CrashAppender.class, dir, tempDir.resolve("child-" + round + ".err"),
                    random, round, 400, 150, where);
            lastAcknowledged = Math.max(lastAcknowledged, acknowledged);
            boolean full = round % FULL_CHECK_EVERY == 0 || round == rounds - 1;
            verified = verify(dir, full ? 0 : verified, lastAcknowledged, where);
        }
        assertTrue(verified > 0, "the child never acknowledged an append in " + rounds + " rounds, seed " + seed);
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
