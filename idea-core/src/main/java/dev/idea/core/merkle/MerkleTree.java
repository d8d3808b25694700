package dev.idea.core.merkle;

import dev.idea.api.AuditChainException;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.api.merkle.ConsistencyProof;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.merkle.MerkleHash;
import dev.idea.spi.storage.AppendLog;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An RFC 9162 Merkle tree whose nodes live in append-only logs, one per level: entry {@code j} of
 * level {@code L} is the 32-byte hash of the complete subtree over leaves
 * {@code [j * 2^L, (j + 1) * 2^L)} ({@code docs/formats/audit-tree.md}).
 *
 * <p>Nodes are derived data: they are written after the leaves they cover are durable in the event
 * log, and {@link #open} recomputes any missing tail from a {@link LeafSource}. Appends keep the new
 * nodes in memory and write them in batches, one append per level: when {@value #MAX_PENDING_LEAVES}
 * leaves wait, on {@link #flush()}, and before any stored-node read that needs them. Roots, inclusion
 * and consistency proofs for any size up to {@link #size()} read O(log n) stored nodes and never touch
 * the leaves.
 *
 * <p>Appends must come from one thread at a time (the audit log serializes them). Proof and root reads
 * for sizes up to a size already returned by {@link #size()} may run concurrently with appends: they
 * write waiting nodes first, under this tree's monitor, and complete nodes never change.
 *
 * <p>Security guarantees: the tree only ever reports hashes it stored or recomputed from the leaves;
 * stored nodes that disagree with what another writer stored fail with
 * {@link ErrorCode#AUDIT_TREE_CORRUPT}.
 */
public final class MerkleTree {
    /** Prefix of the storage logs holding the levels: {@code audit-tree-0}, {@code audit-tree-1}, … */
    public static final String LEVEL_LOG_PREFIX = "audit-tree-";

    /** Most leaves whose nodes wait in memory before they are written. */
    static final int MAX_PENDING_LEAVES = 1024;
    private static final int CHUNK = 4096;
    private static final int MAX_ATTEMPTS = 32;
    /** Slots of the proof node cache (power of two): at most about 160 KiB per tree. */
    private static final int CACHE_SLOTS = 1 << 11;
    /** Nodes at this level and above are cached: each covers at least 2^CACHE_MIN_LEVEL leaves. */
    private static final int CACHE_MIN_LEVEL = 6;

    private final IntFunction<AppendLog> levelLogs;
    private final List<AppendLog> levels = new ArrayList<>();
    private final byte[][] frontier = new byte[64][];
    /**
     * Direct-mapped cache of complete nodes read for proofs. Complete nodes never change, so a slot
     * holds either nothing or a correct node; slots are immutable records, so racy reads see a whole
     * entry or null.
     */
    private final CachedNode[] cache = new CachedNode[CACHE_SLOTS];
    /** Per level, the nodes computed but not yet written, from node {@code storedSize >>> level} on; guarded by this. */
    private final List<List<byte[]>> pending = new ArrayList<>();
    private volatile long size;
    /** Leaves whose nodes are all written. */
    private volatile long storedSize;

    private record CachedNode(int level, long index, byte[] hash) {
    }

    private MerkleTree(IntFunction<AppendLog> levelLogs) {
        this.levelLogs = levelLogs;
        for (int level = 0; level < 64; level++) {
            pending.add(new ArrayList<>());
        }
    }

    /**
     * Opens the tree for a log of {@code leafCount} leaves, first writing any node the levels miss.
     *
     * @param levelLogs opens the log of one level
     * @param leafCount the number of leaves (events) that are durable
     * @param source recomputes leaf hashes for the missing tail
     * @return the open tree
     * @throws AuditChainException with {@link ErrorCode#AUDIT_TRUNCATED} when the stored levels cover
     *     more leaves than {@code leafCount}
     */
    public static MerkleTree open(IntFunction<AppendLog> levelLogs, long leafCount, LeafSource source) {
        MerkleTree tree = new MerkleTree(levelLogs);
        tree.repair(leafCount, source);
        return tree;
    }

    private void repair(long leafCount, LeafSource source) {
        for (int level = 0; (leafCount >>> level) > 0; level++) {
            long want = leafCount >>> level;
            long have = level(level).size();
            if (have > want) {
                throw new AuditChainException(ErrorCode.AUDIT_TRUNCATED, "Merkle tree level " + level + " holds " + have
                        + " nodes but the event log has only " + leafCount + " events (room for " + want
                        + "): events acknowledged earlier are missing; restore the event log from a trusted copy");
            }
            while (have < want) {
                int n = (int) Math.min(CHUNK, want - have);
                List<byte[]> nodes = level == 0 ? leaves(source, have, n) : parents(level, have, n);
                writeLevel(level, have, nodes);
                have += n;
            }
        }
        for (int level = 0; level < 64; level++) {
            frontier[level] = (leafCount >>> level & 1) == 1 ? readNode(level, (leafCount >>> level) - 1) : null;
        }
        size = leafCount;
        storedSize = leafCount;
    }

    private static List<byte[]> leaves(LeafSource source, long from, int n) {
        List<byte[]> out = new ArrayList<>(n);
        while (out.size() < n) {
            List<byte[]> batch = source.leafHashes(from + out.size(), n - out.size());
            if (batch.isEmpty()) {
                throw new AuditChainException(ErrorCode.AUDIT_TRUNCATED, "the event log ended at " + (from + out.size())
                        + " while rebuilding the Merkle tree; it shrank while being read");
            }
            out.addAll(batch);
        }
        return out;
    }

    private List<byte[]> parents(int level, long from, int n) {
        List<Bytes> children = readRange(level - 1, 2 * from, 2 * n);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(TreeHashes.node(children.get(2 * i).toByteArray(), children.get(2 * i + 1).toByteArray()));
        }
        return out;
    }

    /**
     * Returns the number of leaves the tree covers.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * Returns the root of the whole tree, from memory.
     *
     * @return the root hash
     */
    public Digest root() {
        return size == 0 ? MerkleHash.EMPTY_ROOT : Digest.ofSha256(MerkleAccumulator.fold(frontier, size));
    }

    /**
     * Adds leaves at the end and computes every node they complete; the nodes are written in batches
     * (see the class description).
     *
     * @param firstIndex index of the first new leaf; must equal {@link #size()}
     * @param leafHashes the 32-byte leaf hashes
     * @throws IllegalStateException when {@code firstIndex} is not the current size
     */
    public synchronized void append(long firstIndex, List<byte[]> leafHashes) {
        if (firstIndex != size) {
            throw new IllegalStateException("leaves must be appended at " + size + ", got " + firstIndex);
        }
        if (leafHashes.isEmpty()) {
            return;
        }
        long before = size;
        long after = before + leafHashes.size();
        List<byte[]> current = leafHashes;
        for (int level = 0; !current.isEmpty(); level++) {
            long c = before >>> level;
            long cAfter = after >>> level;
            List<byte[]> waiting = pending.get(level);
            for (int i = 0; i < current.size(); i++) {
                waiting.add(current.get(i)); // not addAll: it copies the list into an array first
            }
            List<byte[]> next = new ArrayList<>(current.size() / 2 + 1);
            for (long j = c >>> 1; j < cAfter >>> 1; j++) {
                byte[] left = 2 * j < c ? frontier[level] : current.get((int) (2 * j - c));
                next.add(TreeHashes.node(left, current.get((int) (2 * j + 1 - c))));
            }
            if ((cAfter & 1) == 1) {
                frontier[level] = cAfter - 1 >= c ? current.get((int) (cAfter - 1 - c)) : frontier[level];
            } else {
                frontier[level] = null;
            }
            current = next;
        }
        for (int level = 0; level < 64; level++) {
            if ((after >>> level & 1) == 0) {
                frontier[level] = null;
            }
        }
        size = after;
        if (after - storedSize >= MAX_PENDING_LEAVES) {
            flush();
        }
    }

    /**
     * Writes the nodes that wait in memory, one append per level. On failure the nodes stay waiting
     * and the next flush writes them again (levels already written are checked, not duplicated).
     *
     * @throws dev.idea.api.StorageException when storage fails
     * @throws AuditChainException with {@link ErrorCode#AUDIT_TREE_CORRUPT} when a level holds other nodes
     */
    public synchronized void flush() {
        long stored = storedSize;
        for (int level = 0; level < 64 && !pending.get(level).isEmpty(); level++) {
            writeLevel(level, stored >>> level, pending.get(level));
        }
        for (int level = 0; level < 64 && !pending.get(level).isEmpty(); level++) {
            pending.get(level).clear();
        }
        storedSize = size;
    }

    /** Writes waiting nodes when a read for {@code treeSize} leaves may need them. */
    private void requireStored(long treeSize) {
        if (treeSize > storedSize) {
            flush();
        }
    }

    /**
     * Computes the root of the tree of the first {@code treeSize} leaves from stored nodes.
     *
     * @param treeSize 0 to {@link #size()}
     * @return the root
     */
    public Digest root(long treeSize) {
        requireSize(treeSize);
        requireStored(treeSize);
        return treeSize == 0 ? MerkleHash.EMPTY_ROOT : Digest.ofSha256(rangeHash(0, treeSize, false));
    }

    /**
     * Builds the inclusion proof of one leaf in the tree of {@code treeSize} leaves.
     *
     * @param leafIndex the leaf
     * @param treeSize the tree size, at most {@link #size()}
     * @return the proof
     */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        requireSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        requireStored(treeSize);
        List<Digest> path = new ArrayList<>();
        path(leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    private void path(long m, long a, long b, List<Digest> out) {
        if (b - a <= 1) {
            return;
        }
        long k = Long.highestOneBit(b - a - 1);
        if (m < a + k) {
            path(m, a, a + k, out);
            out.add(Digest.ofSha256(rangeHash(a + k, b, true)));
        } else {
            path(m, a + k, b, out);
            out.add(Digest.ofSha256(rangeHash(a, a + k, true)));
        }
    }

    /**
     * Builds the consistency proof between two tree sizes.
     *
     * @param oldSize the earlier size, 0 to {@code newSize}
     * @param newSize the later size, at most {@link #size()}
     * @return the proof
     */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        requireSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("need 0 <= oldSize <= newSize, got " + oldSize + " and " + newSize);
        }
        requireStored(newSize);
        List<Digest> path = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, path);
        }
        return new ConsistencyProof(oldSize, newSize, path);
    }

    private void subproof(long m, long a, long b, boolean complete, List<Digest> out) {
        long n = b - a;
        if (m == n) {
            if (!complete) {
                out.add(Digest.ofSha256(rangeHash(a, b, true)));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, a, a + k, complete, out);
            out.add(Digest.ofSha256(rangeHash(a + k, b, true)));
        } else {
            subproof(m - k, a + k, b, false, out);
            out.add(Digest.ofSha256(rangeHash(a, a + k, true)));
        }
    }

    /**
     * MTH of leaves [a, b), with a aligned as in the RFC 9162 recursion; one read per complete subtree.
     * Proofs may take upper nodes from the cache; roots always read storage, so that verifying the
     * stored tree against the events sees what is stored.
     */
    private byte[] rangeHash(long a, long b, boolean cached) {
        long n = b - a;
        if (Long.bitCount(n) == 1 && a % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return cached && level >= CACHE_MIN_LEVEL ? cachedNode(level, a >>> level) : readNode(level, a >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return TreeHashes.node(rangeHash(a, a + k, cached), rangeHash(a + k, b, cached));
    }

    /** A complete node from the cache, or read from storage and cached. The returned array is shared: never modify it. */
    private byte[] cachedNode(int level, long index) {
        int slot = (int) (((index << 6 | level) * 0x9E3779B97F4A7C15L) >>> 40) & (CACHE_SLOTS - 1);
        CachedNode c = cache[slot];
        if (c != null && c.level() == level && c.index() == index) {
            return c.hash();
        }
        byte[] hash = readNode(level, index);
        cache[slot] = new CachedNode(level, index, hash);
        return hash;
    }

    private void requireSize(long treeSize) {
        long current = size;
        if (treeSize < 0 || treeSize > current) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + current
                    + "; ask for a size the log has reached");
        }
    }

    private byte[] readNode(int level, long index) {
        List<Bytes> r = level(level).read(index, 1);
        if (r.isEmpty() || r.get(0).size() != MerkleHash.SIZE) {
            throw new AuditChainException(ErrorCode.AUDIT_TREE_CORRUPT, "Merkle tree level " + level + " has no valid node "
                    + index + "; delete the " + LEVEL_LOG_PREFIX + "* logs to have them rebuilt from the event log");
        }
        return r.get(0).toByteArray();
    }

    private List<Bytes> readRange(int level, long from, int n) {
        List<Bytes> out = new ArrayList<>(n);
        while (out.size() < n) {
            List<Bytes> batch = level(level).read(from + out.size(), n - out.size());
            if (batch.isEmpty()) {
                throw new AuditChainException(ErrorCode.AUDIT_TREE_CORRUPT, "Merkle tree level " + level + " ends at "
                        + (from + out.size()) + " but node " + (from + n - 1) + " is needed");
            }
            out.addAll(batch);
        }
        return out;
    }

    /** Appends nodes at {@code expected}; tolerates another writer having stored the same nodes first. */
    private void writeLevel(int level, long expected, List<byte[]> nodes) {
        AppendLog log = level(level);
        if (nodes.isEmpty()) {
            return;
        }
        // Common case first: the level ends where expected, so one conditional append suffices; when
        // it does not (another writer, or a damaged level), the loop below sorts it out.
        List<Bytes> all = new ArrayList<>(nodes.size());
        for (byte[] node : nodes) {
            all.add(Bytes.of(node));
        }
        try {
            log.append(expected, all);
            return;
        } catch (StorageException e) {
            if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                throw e;
            }
        }
        int done = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && done < nodes.size(); attempt++) {
            long have = log.size();
            if (have < expected + done) {
                throw new AuditChainException(ErrorCode.AUDIT_TREE_CORRUPT, "Merkle tree level " + level + " has " + have
                        + " nodes but " + (expected + done) + " are needed before appending; delete the "
                        + LEVEL_LOG_PREFIX + "* logs to have them rebuilt");
            }
            int already = (int) Math.min(nodes.size() - done, have - expected - done);
            if (already > 0) {
                requireSame(level, expected + done, nodes.subList(done, done + already));
                done += already;
                continue;
            }
            List<Bytes> entries = new ArrayList<>(nodes.size() - done);
            for (int i = done; i < nodes.size(); i++) {
                entries.add(Bytes.of(nodes.get(i)));
            }
            try {
                log.append(expected + done, entries);
                done = nodes.size();
            } catch (StorageException e) {
                if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                    throw e;
                }
            }
        }
        if (done < nodes.size()) {
            throw new AuditChainException(ErrorCode.STORAGE_CONFLICT, "could not write Merkle tree level " + level
                    + " after " + MAX_ATTEMPTS + " attempts; other writers keep extending it");
        }
    }

    private void requireSame(int level, long from, List<byte[]> ours) {
        List<Bytes> stored = readRange(level, from, ours.size());
        for (int i = 0; i < ours.size(); i++) {
            if (!MessageDigest.isEqual(stored.get(i).toByteArray(), ours.get(i))) {
                throw new AuditChainException(ErrorCode.AUDIT_TREE_CORRUPT, "Merkle tree level " + level + " node "
                        + (from + i) + " was stored as " + stored.get(i).hex() + " by another writer but the events give "
                        + Bytes.of(ours.get(i)).hex() + "; delete the " + LEVEL_LOG_PREFIX + "* logs to have them rebuilt");
            }
        }
    }

    private AppendLog level(int level) {
        synchronized (levels) {
            while (levels.size() <= level) {
                levels.add(levelLogs.apply(levels.size()));
            }
            return levels.get(level);
        }
    }
}
