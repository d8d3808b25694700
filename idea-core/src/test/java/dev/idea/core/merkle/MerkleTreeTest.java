package dev.idea.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditChainException;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.merkle.ConsistencyProof;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.merkle.MerkleHash;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static Storage storage() {
        return new InMemoryStorageProvider().open(new StorageContext(Map.of(), null, Clock.systemUTC()));
    }

    private static List<byte[]> leafHashes(int from, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static byte[] referenceRoot(List<byte[]> leafHashes) {
        MerkleAccumulator acc = new MerkleAccumulator();
        leafHashes.forEach(acc::add);
        return acc.root().value().toByteArray();
    }

    private static MerkleTree tree(Storage s, long size) {
        return MerkleTree.open(level -> s.log(MerkleTree.LEVEL_LOG_PREFIX + level), size,
                (from, max) -> leafHashes((int) from, (int) Math.min(max, size - from)));
    }

    @Property(tries = 60)
    void appendInBatches_rootsAndProofsMatchTheRfcAtEverySize(@ForAll @IntRange(min = 1, max = 200) int n,
                                                              @ForAll @IntRange(min = 1, max = 17) int batch) {
        try (Storage s = storage()) {
            MerkleTree tree = tree(s, 0);
            List<byte[]> all = leafHashes(0, n);
            for (int i = 0; i < n; i += batch) {
                tree.append(i, all.subList(i, Math.min(n, i + batch)));
                assertThat(tree.root().value().toByteArray()).isEqualTo(referenceRoot(all.subList(0, (int) tree.size())));
            }
            for (int size = 1; size <= n; size++) {
                Digest root = tree.root(size);
                assertThat(root.value().toByteArray()).isEqualTo(referenceRoot(all.subList(0, size)));
                for (int i = 0; i < size; i += 1 + size / 7) {
                    InclusionProof p = tree.inclusionProof(i, size);
                    p.verify(Digest.ofSha256(all.get(i)), root);
                }
                for (int old = 0; old <= size; old += 1 + size / 5) {
                    ConsistencyProof c = tree.consistencyProof(old, size);
                    c.verify(tree.root(old), root);
                }
            }
        }
    }

    @Test
    void open_withLevelsBehindTheEvents_recomputesOnlyTheMissingTail() {
        try (Storage s = storage()) {
            MerkleTree tree = tree(s, 0);
            tree.append(0, leafHashes(0, 100));
            tree.flush();
            Digest expected = Digest.ofSha256(referenceRoot(leafHashes(0, 130)));
            AtomicInteger asked = new AtomicInteger();
            MerkleTree reopened = MerkleTree.open(level -> s.log(MerkleTree.LEVEL_LOG_PREFIX + level), 130, (from, max) -> {
                asked.addAndGet((int) Math.min(max, 130 - from));
                return leafHashes((int) from, (int) Math.min(max, 130 - from));
            });
            assertThat(asked.get()).isEqualTo(30);
            assertThat(reopened.root()).isEqualTo(expected);
            assertThat(reopened.root(130)).isEqualTo(expected);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(130);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 1).size()).isEqualTo(65);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 7).size()).isEqualTo(1);
        }
    }

    @Test
    void open_withMoreNodesThanEvents_reportsTruncation() {
        try (Storage s = storage()) {
            MerkleTree tree = tree(s, 0);
            tree.append(0, leafHashes(0, 10));
            tree.flush();
            assertThatThrownBy(() -> tree(s, 8)).isInstanceOf(AuditChainException.class)
                    .hasMessageStartingWith(ErrorCode.AUDIT_TRUNCATED.code());
        }
    }

    @Test
    void flush_whenAnotherWriterStoredDifferentNodes_reportsCorruption() {
        try (Storage s = storage()) {
            AppendLog level0 = s.log(MerkleTree.LEVEL_LOG_PREFIX + 0);
            MerkleTree tree = tree(s, 0);
            level0.append(0, List.of(Bytes.of(new byte[32])));
            tree.append(0, leafHashes(0, 1));
            assertThatThrownBy(tree::flush).isInstanceOf(AuditChainException.class)
                    .hasMessageStartingWith(ErrorCode.AUDIT_TREE_CORRUPT.code());
        }
    }

    @Test
    void append_whenAnotherWriterStoredTheSameNodes_continues() {
        try (Storage s = storage()) {
            MerkleTree a = tree(s, 0);
            MerkleTree b = tree(s, 0);
            a.append(0, leafHashes(0, 5));
            a.flush();
            b.append(0, leafHashes(0, 5));
            b.append(5, leafHashes(5, 3));
            b.flush();
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(8);
            assertThat(b.root()).isEqualTo(Digest.ofSha256(referenceRoot(leafHashes(0, 8))));
        }
    }

    @Test
    void append_belowTheBatchSize_writesNodesOnlyWhenARootOrProofNeedsThem() {
        try (Storage s = storage()) {
            MerkleTree tree = tree(s, 0);
            for (int i = 0; i < 10; i++) {
                tree.append(i, leafHashes(i, 1));
            }
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isZero();
            assertThat(tree.root(10)).isEqualTo(Digest.ofSha256(referenceRoot(leafHashes(0, 10))));
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(10);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 3).size()).isEqualTo(1);
            tree.append(10, leafHashes(10, 1));
            tree.inclusionProof(3, 11).verify(Digest.ofSha256(leafHashes(3, 1).get(0)), tree.root(11));
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(11);
        }
    }

    @Test
    void append_reachingTheBatchSize_writesTheWaitingNodes() {
        try (Storage s = storage()) {
            MerkleTree tree = tree(s, 0);
            int n = MerkleTree.MAX_PENDING_LEAVES;
            for (int i = 0; i < n; i++) {
                tree.append(i, leafHashes(i, 1));
            }
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 0).size()).isEqualTo(n);
            assertThat(s.log(MerkleTree.LEVEL_LOG_PREFIX + 10).size()).isEqualTo(1);
            assertThat(tree(s, n).root()).isEqualTo(tree.root());
        }
    }
}
