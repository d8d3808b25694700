package dev.idea.core.audit;

import dev.idea.core.CrashRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.AuditEvent;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.spi.storage.Storage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (SIGKILL) while it appends audit events through the filesystem storage; after each
 * round the audit log reopens (torn tail truncated, missing tree nodes rebuilt, signature entries of
 * events that were never appended skipped), no acknowledged event is lost, and the chain, every
 * per-event signature, the Merkle tree and every signed checkpoint verify.
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
            acknowledged = Math.max(acknowledged, CrashRound.runAndKill(AuditCrashAppender.class, dir,
                    tempDir.resolve("child-" + round + ".err"), random, round, 300, 120, where));
            verified = verify(dir, acknowledged, where);
        }
        assertTrue(verified > 0, "the child never acknowledged an append, seed " + seed);
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
