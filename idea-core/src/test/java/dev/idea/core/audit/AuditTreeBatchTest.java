package dev.idea.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.core.merkle.MerkleTree;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tree nodes written in batches: checkpoints and proofs see them stored, and nodes never written are rebuilt on open. */
class AuditTreeBatchTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final StorageContext CONTEXT = new StorageContext(Map.of(), null, CLOCK);

    private static AuditLog open(Storage s, long checkpointEvery) {
        return AuditLog.open(s, new AuditSettings("batch.test/audit", checkpointEvery, null, false),
                new CheckpointSigner("batch.test/audit", new SeededEd25519Key()), CLOCK);
    }

    private static void appendOne(AuditLog log, int i) {
        log.append(List.of(new EventDraft(T0.plusSeconds(i), AuditEventType.SUBMIT, "actor", "mf-" + i, null, null,
                Map.of())), c -> { });
    }

    @Test
    void append_untilACheckpointIsDue_writesTheNodesBeforeSigning() {
        try (Storage s = new InMemoryStorageProvider().open(CONTEXT)) {
            AuditLog log = open(s, 4);
            for (int i = 0; i < 3; i++) {
                appendOne(log, i);
            }
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isZero();
            appendOne(log, 3);
            assertThat(log.latestCheckpoint().orElseThrow().treeSize()).isEqualTo(4);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(4);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 2).size()).isEqualTo(1);
        }
    }

    @Test
    void open_afterAppendsWhoseNodesWereNeverWritten_rebuildsTheTreeAndProvesEveryEvent() {
        InMemoryStorageProvider provider = new InMemoryStorageProvider();
        Digest root;
        try (Storage s = provider.open(CONTEXT)) {
            AuditLog log = open(s, 0);
            for (int i = 0; i < 10; i++) {
                appendOne(log, i);
            }
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isZero();
            ChainReplay replay = new ChainReplay(List.of());
            for (Bytes entry : log.readRaw(0, 10)) {
                replay.check(entry, () -> -1);
            }
            root = replay.root();
        } // closed without flush(), as after a crash
        try (Storage s = provider.open(CONTEXT)) {
            AuditLog reopened = open(s, 0);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(10);
            assertThat(reopened.root(10)).isEqualTo(root);
            List<AuditEvent> events = reopened.read(0, 10);
            for (AuditEvent e : events) {
                reopened.inclusionProof(e.seq(), 10).verify(Digest.ofSha256(AuditLog.leafHash(e.hash())), root);
            }
            assertThat(reopened.verify().eventCount()).isEqualTo(10);
        }
    }

    @Test
    void flush_afterAppends_writesEveryWaitingNode() {
        try (Storage s = new InMemoryStorageProvider().open(CONTEXT)) {
            AuditLog log = open(s, 0);
            for (int i = 0; i < 5; i++) {
                appendOne(log, i);
            }
            log.flush();
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(5);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 2).size()).isEqualTo(1);
        }
    }
}
