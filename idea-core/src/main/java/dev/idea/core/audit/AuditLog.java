package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.NoteKey;
import dev.idea.api.StorageException;
import dev.idea.api.merkle.ConsistencyProof;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.merkle.MerkleTree;
import dev.idea.core.merkle.TreeHashes;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit chain on top of an {@link AppendLog}: each entry is one event's canonical JSON; when
 * opened with {@link #open}, every event is also a leaf of an RFC 9162 Merkle tree (leaf data = the
 * 32 bytes of the event's {@code hash}) whose nodes live in {@code audit-tree-*} logs, and signed
 * checkpoints of that tree are kept in {@code audit-checkpoints}.
 *
 * <p>Thread-safe. Appends from this instance are serialized; appends from other processes sharing
 * the log are detected through the log's conditional append and retried on the new head.
 *
 * <p>Security guarantees: a batch of events is appended all-or-nothing; every event's
 * {@code prevHash} is the hash of the event before it, so {@link #verify()} detects any change,
 * removal, insertion or reordering of stored events, and any rewrite of history below a signed
 * checkpoint. Tree nodes and checkpoints are written only after the events they cover are durable;
 * a failure there never undoes or hides an acknowledged event (the tree is repaired from the events).
 * With per-event signatures on, each batch's signatures are appended to {@code audit-signatures}
 * before the batch itself, so no acknowledged event lacks its signature
 * ({@code docs/formats/audit-event-signatures.md}).
 * Tree nodes are written in batches (see {@link MerkleTree}), always before a checkpoint is signed and
 * before a proof or a stored root needs them; nodes lost in a crash are rebuilt from the events on open.
 */
public final class AuditLog {
    /** Name of the storage log that holds the chain. */
    public static final String LOG_NAME = "audit";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_ATTEMPTS = 32;
    private static final int READ_BATCH = 1024;

    private final AppendLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Storage storage;
    private final Checkpoints checkpoints;
    private final EventSignatures signatures;
    private final EventSigner eventKey;
    private volatile EventSigner eventSigner;
    private volatile MerkleTree tree;
    private volatile Consumer<Checkpoint> checkpointListener = c -> { };
    // guarded by lock: the head this instance last wrote, so that appends need not re-read and parse it
    private long headSize = -1;
    private Digest headHash;

    /**
     * Wraps a storage log as a plain hash chain, without Merkle tree or checkpoints.
     *
     * @param log the append-only log holding the chain
     */
    public AuditLog(AppendLog log) {
        this.log = log;
        this.storage = null;
        this.checkpoints = null;
        this.signatures = null;
        this.eventKey = null;
    }

    private AuditLog(Storage storage, AuditSettings settings, CheckpointSigner signer, EventSigner eventKey, Clock clock) {
        this.log = storage.log(LOG_NAME);
        this.storage = storage;
        this.checkpoints = new Checkpoints(storage.log(Checkpoints.LOG_NAME), signer, settings, clock);
        this.signatures = new EventSignatures(storage.log(EventSignatures.LOG_NAME));
        this.eventKey = eventKey;
        this.tree = openTree();
    }

    /**
     * Opens the audit log of a storage with its Merkle tree (repairing missing nodes) and checkpoints.
     *
     * @param storage the storage
     * @param settings checkpoint cadence and origin
     * @param signer signs checkpoints, or null when no KMS key is configured (no checkpoints then)
     * @param clock the clock for the time-based cadence
     * @return the audit log, which does not sign events (see the overload with an event key)
     * @throws AuditChainException with {@link ErrorCode#AUDIT_TRUNCATED} when stored tree nodes cover
     *     more events than the event log holds
     */
    public static AuditLog open(Storage storage, AuditSettings settings, CheckpointSigner signer, Clock clock) {
        return open(storage, settings, signer, null, clock);
    }

    /**
     * Opens the audit log as {@link #open(Storage, AuditSettings, CheckpointSigner, Clock)} does, with
     * per-event signatures ({@code docs/formats/audit-event-signatures.md}): when
     * {@link AuditSettings#eventSignatures()} differs from the stored state, an {@code audit.signing}
     * event recording the switch is appended and signed.
     *
     * @param storage the storage
     * @param settings checkpoint cadence, origin and whether to sign each event
     * @param signer signs checkpoints, or null when no KMS key is configured
     * @param eventKey signs events (the checkpoint key), or null when no KMS key is configured: then
     *     events are not signed and the setting must be off
     * @param clock the clock for the cadence and the {@code audit.signing} event
     * @return the audit log
     * @throws AuditChainException with {@link ErrorCode#AUDIT_TRUNCATED} as above, or with
     *     {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} when signed events lost their signatures
     * @throws dev.idea.api.ConfigurationException with {@link ErrorCode#CONFIG_INVALID} when the settings
     *     ask for per-event signatures and {@code eventKey} is null
     */
    public static AuditLog open(Storage storage, AuditSettings settings, CheckpointSigner signer, EventSigner eventKey,
                                Clock clock) {
        AuditLog audit = new AuditLog(storage, settings, signer, eventKey, clock);
        audit.eventSigner = EventSigningSwitch.apply(audit, audit.signatures, settings, eventKey, clock);
        return audit;
    }

    /** Sets the signer of appended events (null = unsigned); used while recording a switch. */
    void signEventsWith(EventSigner signer) {
        eventSigner = signer;
    }

    /**
     * Sets what runs after each new checkpoint, outside the append lock (e.g. anchoring).
     *
     * @param listener the action; its failures are logged, not thrown to the appender
     */
    public void onCheckpoint(Consumer<Checkpoint> listener) {
        checkpointListener = listener;
    }

    /**
     * Returns the leaf hash of an event in the Merkle tree: SHA-256(0x00 || event hash bytes).
     *
     * @param eventHash the event's {@code hash}
     * @return the 32-byte leaf hash
     */
    public static byte[] leafHash(Digest eventHash) {
        return TreeHashes.leaf(eventHash.value().toByteArray());
    }

    /**
     * Appends drafts as one atomic batch on the current head.
     *
     * @param drafts the events to append, in order
     * @param onConcurrentEvents called with events other writers appended since the last look, before
     *     retrying; it may throw to abandon the append (e.g. when they invalidate the caller's work)
     * @return the sealed events as stored
     * @throws AuditChainException when the head cannot be read or the append keeps losing races
     */
    public List<AuditEvent> append(List<EventDraft> drafts, Consumer<List<AuditEvent>> onConcurrentEvents) {
        Checkpoint made;
        List<AuditEvent> sealed;
        lock.lock();
        try {
            sealed = appendChain(drafts, onConcurrentEvents);
            made = afterAppend(sealed);
        } finally {
            lock.unlock();
        }
        if (made != null) {
            notifyCheckpoint(made);
        }
        return sealed;
    }

    private List<AuditEvent> appendChain(List<EventDraft> drafts, Consumer<List<AuditEvent>> onConcurrentEvents) {
        long size = log.size();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Digest head = size == 0 ? AuditEvent.GENESIS_PREV_HASH
                    : size == headSize ? headHash : decode(size - 1, log.read(size - 1, 1).get(0)).hash();
            List<AuditEvent> sealed = new ArrayList<>(drafts.size());
            List<Bytes> entries = new ArrayList<>(drafts.size());
            seal(drafts, size, head, sealed, entries);
            EventSigner signer = eventSigner;
            if (signer != null) {
                signatures.signAndAppend(signer, sealed, entries);
            }
            try {
                log.append(size, entries);
                headSize = size + sealed.size();
                headHash = sealed.get(sealed.size() - 1).hash();
                return sealed;
            } catch (StorageException e) {
                if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                    throw e;
                }
            }
            long newSize = log.size();
            onConcurrentEvents.accept(read(size, (int) Math.min(Integer.MAX_VALUE, newSize - size)));
            size = newSize;
        }
        throw new AuditChainException(ErrorCode.STORAGE_CONFLICT, "could not append to the audit chain after "
                + MAX_ATTEMPTS + " attempts: other writers keep extending it; retry later");
    }

    /** Extends the tree and signs a checkpoint when due; never throws: the events are already durable. */
    private Checkpoint afterAppend(List<AuditEvent> sealed) {
        if (storage == null || sealed.isEmpty()) {
            return null;
        }
        try {
            long first = sealed.get(0).seq();
            MerkleTree t = currentTree();
            if (t.size() < first) {
                t = openTree();
            }
            if (t.size() == first) {
                List<byte[]> leaves = new ArrayList<>(sealed.size());
                sealed.forEach(e -> leaves.add(leafHash(e.hash())));
                t.append(first, leaves);
            }
            long size = t.size();
            if (!checkpoints.due(size)) {
                return null;
            }
            t.flush(); // a signed checkpoint covers only stored nodes
            return checkpoints.sign(size, t.root());
        } catch (RuntimeException e) {
            LOG.warn("audit events up to seq {} are durable, but updating the Merkle tree or signing a checkpoint failed;"
                    + " the tree is rebuilt from the events on next use", sealed.get(sealed.size() - 1).seq(), e);
            tree = null;
            return null;
        }
    }

    private void notifyCheckpoint(Checkpoint c) {
        try {
            checkpointListener.accept(c);
        } catch (RuntimeException e) {
            LOG.warn("the action after checkpoint {} at size {} failed", c.origin(), c.treeSize(), e);
        }
    }

    private MerkleTree openTree() {
        return MerkleTree.open(level -> storage.log(MerkleTree.LEVEL_LOG_PREFIX + level), log.size(), this::leafHashes);
    }

    private MerkleTree currentTree() {
        requireTree();
        MerkleTree t = tree;
        if (t == null) {
            lock.lock();
            try {
                t = tree;
                if (t == null) {
                    t = openTree();
                    tree = t;
                }
            } finally {
                lock.unlock();
            }
        }
        return t;
    }

    private List<byte[]> leafHashes(long from, int maxCount) {
        List<byte[]> out = new ArrayList<>();
        for (AuditEvent e : read(from, maxCount)) {
            out.add(leafHash(e.hash()));
        }
        return out;
    }

    /** Seals drafts into events and their stored bytes, one canonical serialization per event. */
    private static void seal(List<EventDraft> drafts, long firstSeq, Digest head, List<AuditEvent> sealed,
                             List<Bytes> entries) {
        Digest prev = head;
        long seq = firstSeq;
        for (EventDraft d : drafts) {
            AuditEventCodec.Sealed s = AuditEventCodec.sealAndWrite(seq++, d.timestamp(), d.type(), d.actor(), d.subject(),
                    d.payloadDigest(), d.manifestSignatureId(), d.attributes(), prev);
            sealed.add(s.event());
            entries.add(s.json());
            prev = s.event().hash();
        }
    }

    /**
     * Returns the number of events.
     *
     * @return the chain length
     */
    public long size() {
        return log.size();
    }

    /**
     * Reads events in chain order.
     *
     * @param fromSeq first sequence number
     * @param maxCount most events
     * @return the decoded events
     * @throws AuditChainException with {@link ErrorCode#AUDIT_EVENT_MALFORMED} for an undecodable entry
     */
    public List<AuditEvent> read(long fromSeq, int maxCount) {
        List<AuditEvent> events = new ArrayList<>();
        long next = fromSeq;
        while (events.size() < maxCount) {
            List<Bytes> batch = log.read(next, Math.min(READ_BATCH, maxCount - events.size()));
            if (batch.isEmpty()) {
                break;
            }
            for (Bytes b : batch) {
                events.add(decode(next++, b));
            }
        }
        return events;
    }

    /**
     * Reads stored entries as they are (canonical JSON bytes).
     *
     * @param fromSeq first index
     * @param maxCount most entries
     * @return the entries
     */
    public List<Bytes> readRaw(long fromSeq, int maxCount) {
        return log.read(fromSeq, maxCount);
    }

    /**
     * Replays the whole chain, streaming: checks every sequence number, hash and link, compares the
     * Merkle root with every stored checkpoint (whose signatures are verified when a key is configured)
     * and with the stored tree; when opened with an event key, also every per-event signature the chain
     * requires or has ({@link EventSignatureVerifier}).
     *
     * @return the count and head hash
     * @throws AuditChainException naming the first bad entry and its fault
     */
    public ChainVerification verify() {
        List<Checkpoint> signed = checkpoints == null ? List.of() : checkpoints.all();
        ChainReplay replay = new ChainReplay(signed, signatureVerifier());
        long index = 0;
        while (true) {
            List<Bytes> batch = log.read(index, READ_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (int i = 0; i < batch.size(); i++) {
                final int at = i;
                final long base = index;
                replay.check(batch.get(i), () -> nextSeq(batch, at, base));
            }
            index += batch.size();
        }
        ChainVerification result = replay.finish();
        if (storage != null && result.eventCount() > 0) {
            MerkleTree t = currentTree();
            long n = Math.min(t.size(), result.eventCount());
            Digest stored = t.root(n);
            if (n == result.eventCount() && !stored.equals(replay.root())) {
                throw new AuditChainException(ErrorCode.AUDIT_TREE_CORRUPT, "entry " + (n - 1) + ": the stored Merkle tree of "
                        + n + " events has root " + stored + " but the events give " + replay.root()
                        + "; delete the " + MerkleTree.LEVEL_LOG_PREFIX + "* logs to have them rebuilt");
            }
        }
        return result;
    }

    private EventSignatureVerifier signatureVerifier() {
        if (storage == null || eventKey == null) {
            return null;
        }
        return new EventSignatureVerifier(List.of(eventKey.publicKey()), EventSignatureVerifier.stored(signatures.reader()));
    }

    /**
     * Starts a reader of the per-event signatures, for exports.
     *
     * @return the reader
     */
    public EventSignatures.Reader signatureReader() {
        requireTree();
        return signatures.reader();
    }

    private long nextSeq(List<Bytes> batch, int at, long base) {
        if (at + 1 < batch.size()) {
            return ChainReplay.seqOrMinusOne(batch.get(at + 1));
        }
        List<Bytes> next = log.read(base + at + 1, 1);
        return next.isEmpty() ? -1 : ChainReplay.seqOrMinusOne(next.get(0));
    }

    /**
     * Returns the number of events the Merkle tree covers.
     *
     * @return the tree size
     */
    public long treeSize() {
        return currentTree().size();
    }

    /**
     * Returns the Merkle root of the first {@code treeSize} events.
     *
     * @param treeSize 0 to {@link #treeSize()}
     * @return the root
     */
    public Digest root(long treeSize) {
        return currentTree().root(treeSize);
    }

    /**
     * Builds an inclusion proof from stored nodes (O(log n) reads).
     *
     * @param index the event's seq
     * @param treeSize the tree size, greater than {@code index}, at most {@link #treeSize()}
     * @return the proof
     */
    public InclusionProof inclusionProof(long index, long treeSize) {
        return currentTree().inclusionProof(index, treeSize);
    }

    /**
     * Builds a consistency proof from stored nodes (O(log n) reads).
     *
     * @param oldSize the earlier size
     * @param newSize the later size, at most {@link #treeSize()}
     * @return the proof
     */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        return currentTree().consistencyProof(oldSize, newSize);
    }

    /**
     * Signs a checkpoint of the whole tree now, unless the latest checkpoint already has this size.
     *
     * @return the checkpoint
     * @throws dev.idea.api.VerificationException with {@link ErrorCode#CHECKPOINT_KEY_MISSING} when no
     *     KMS key is configured
     */
    public Checkpoint checkpoint() {
        requireTree();
        Checkpoint made;
        lock.lock();
        try {
            MerkleTree t = currentTree();
            if (t.size() < log.size()) {
                t = openTree();
                tree = t;
            }
            Optional<Checkpoint> latest = checkpoints.latest();
            if (latest.isPresent() && latest.get().treeSize() == t.size() && checkpoints.canSign()) {
                return latest.get();
            }
            t.flush();
            made = checkpoints.sign(t.size(), t.root());
        } finally {
            lock.unlock();
        }
        notifyCheckpoint(made);
        return made;
    }

    /**
     * Writes the Merkle tree nodes that are still held in memory (appends write them in batches);
     * call before closing the storage. Nodes that are not written are rebuilt from the events on the
     * next open, so skipping this loses no event.
     */
    public void flush() {
        if (storage == null) {
            return;
        }
        lock.lock();
        try {
            MerkleTree t = tree;
            if (t != null) {
                t.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the latest stored checkpoint.
     *
     * @return the checkpoint, or empty when none was signed yet
     */
    public Optional<Checkpoint> latestCheckpoint() {
        requireTree();
        return checkpoints.latest();
    }

    /**
     * Returns the key that signs this log's checkpoints.
     *
     * @return the key, or empty when no KMS key is configured
     */
    public Optional<NoteKey> checkpointKey() {
        requireTree();
        return checkpoints.noteKey();
    }

    private void requireTree() {
        if (storage == null) {
            throw new IllegalStateException("this audit log was created without a Merkle tree; open it with AuditLog.open");
        }
    }

    private static AuditEvent decode(long index, Bytes entry) {
        return ChainReplay.decode(index, entry);
    }
}
