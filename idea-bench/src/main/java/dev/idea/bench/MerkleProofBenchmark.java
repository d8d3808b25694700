package dev.idea.bench;

import dev.idea.api.Digest;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.merkle.MerkleHash;
import dev.idea.core.merkle.MerkleTree;
import dev.idea.spi.storage.Storage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inclusion-proof generation (from stored nodes of a 1M-leaf tree in in-memory storage) and
 * verification, beside the raw baseline of one SHA-256 leaf hash.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Thread)
public class MerkleProofBenchmark {
    static final int LEAVES = 1 << 20;

    private Storage storage;
    private MerkleTree tree;
    private Digest root;
    private final SplittableRandom random = new SplittableRandom(42);
    private InclusionProof[] proofs;
    private Digest[] leaves;
    private int next;

    /** Builds the tree once. */
    @Setup(Level.Trial)
    public void setUp() {
        storage = AuditAppendBenchmark.memory();
        tree = MerkleTree.open(l -> storage.log(MerkleTree.LEVEL_LOG_PREFIX + l), 0, (f, m) -> List.of());
        for (int i = 0; i < LEAVES; i += 4096) {
            List<byte[]> batch = new ArrayList<>(4096);
            for (int j = i; j < i + 4096; j++) {
                batch.add(leaf(j));
            }
            tree.append(i, batch);
        }
        root = tree.root();
        proofs = new InclusionProof[1024];
        leaves = new Digest[1024];
        for (int i = 0; i < proofs.length; i++) {
            int index = random.nextInt(LEAVES);
            proofs[i] = tree.inclusionProof(index, LEAVES);
            leaves[i] = Digest.ofSha256(leaf(index));
        }
    }

    private static byte[] leaf(int i) {
        return MerkleHash.leaf(ByteBuffer.allocate(8).putLong(i).array());
    }

    /** Releases the storage. */
    @TearDown(Level.Trial)
    public void tearDown() {
        storage.close();
    }

    /**
     * Generates the inclusion proof of a random leaf from stored nodes.
     *
     * @return the proof
     */
    @Benchmark
    public InclusionProof generate() {
        return tree.inclusionProof(random.nextInt(LEAVES), LEAVES);
    }

    /**
     * Verifies a precomputed inclusion proof (20 SHA-256 node hashes).
     *
     * @return the proof's index
     */
    @Benchmark
    public long verify() {
        int i = next++ & (proofs.length - 1);
        proofs[i].verify(leaves[i], root);
        return proofs[i].leafIndex();
    }

    /**
     * Raw baseline: one leaf hash.
     *
     * @return the first byte
     */
    @Benchmark
    public byte rawLeafHash() {
        return leaf(next++)[0];
    }
}
