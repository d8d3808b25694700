package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.merkle.MerkleAccumulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Streaming replay of an audit chain: checks every entry ({@link ChainRules}), folds the events into
 * the RFC 9162 root in O(log n) memory, and compares that root with every signed checkpoint as the
 * replay reaches its size.
 *
 * <p>Not thread-safe; one instance per replay.
 */
public final class ChainReplay {
    private final List<Checkpoint> checkpoints;
    private final EventSignatureVerifier signatures;
    private final MerkleAccumulator tree = new MerkleAccumulator();
    private Digest prev = AuditEvent.GENESIS_PREV_HASH;
    private long index;
    private int nextCheckpoint;

    /**
     * Starts a replay.
     *
     * @param checkpoints checkpoints whose signatures the caller verified, in any order
     */
    public ChainReplay(List<Checkpoint> checkpoints) {
        this(checkpoints, null);
    }

    /**
     * Starts a replay that also checks per-event signatures.
     *
     * @param checkpoints checkpoints whose signatures the caller verified, in any order
     * @param signatures checks each event's signature after its chain rules, or null for none
     */
    public ChainReplay(List<Checkpoint> checkpoints, EventSignatureVerifier signatures) {
        this.signatures = signatures;
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::treeSize));
        this.checkpoints = sorted;
        while (nextCheckpoint < sorted.size() && sorted.get(nextCheckpoint).treeSize() == 0) {
            nextCheckpoint++;
        }
    }

    /**
     * Checks the next entry.
     *
     * @param entry the stored bytes of the entry at {@link #count()}
     * @param nextSeq reads the seq of the entry after it, -1 at the end; called only on a seq fault
     * @return the decoded event
     * @throws AuditChainException naming the entry's index and the kind of fault
     */
    public AuditEvent accept(Bytes entry, LongSupplier nextSeq) {
        AuditEventCodec.Decoded d = decodeAndHash(index, entry);
        AuditEvent e = d.event();
        ChainRules.check(index, e, d.contentHash(), prev, nextSeq);
        if (signatures != null) {
            signatures.check(index, entry, e);
        }
        advance(e.hash());
        return e;
    }

    /**
     * Checks the next entry as {@link #accept} does, with the same faults, without building the event
     * when the entry is the canonical encoding of a valid one: then only its seq, hashes and content
     * hash are read. With per-event signatures every entry is decoded as {@link #accept} does, since
     * the signature check needs the event (its type opens and closes the signed range).
     *
     * @param entry the stored bytes of the entry at {@link #count()}
     * @param nextSeq reads the seq of the entry after it, -1 at the end; called only on a seq fault
     * @throws AuditChainException naming the entry's index and the kind of fault
     */
    public void check(Bytes entry, LongSupplier nextSeq) {
        if (signatures != null) {
            accept(entry, nextSeq);
            return;
        }
        AuditEventCodec.Link link = AuditEventCodec.readLink(entry);
        if (link == null || link.seq() != index || !link.contentHash().equals(link.hash()) || !link.prevHash().equals(prev)) {
            accept(entry, nextSeq); // decodes the entry and reports its fault, or accepts it in another valid form
            return;
        }
        advance(link.hash());
    }

    /** Adds the checked event to the tree and compares the root with each checkpoint at this size. */
    private void advance(Digest hash) {
        tree.add(AuditLog.leafHash(hash));
        prev = hash;
        index++;
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == index) {
            Checkpoint c = checkpoints.get(nextCheckpoint++);
            Digest root = tree.root();
            if (!root.equals(c.rootHash())) {
                throw new AuditChainException(ErrorCode.AUDIT_FORK, "entry " + (index - 1) + ": the first " + index
                        + " events have Merkle root " + root + " but the checkpoint signed at size " + index + " says "
                        + c.rootHash() + "; history was rewritten after the checkpoint (fork)");
            }
        }
    }

    /**
     * Ends the replay.
     *
     * @return the count and head hash
     * @throws AuditChainException with {@link ErrorCode#AUDIT_TRUNCATED} when a checkpoint covers
     *     more events than were replayed
     */
    public ChainVerification finish() {
        if (nextCheckpoint < checkpoints.size()) {
            Checkpoint c = checkpoints.get(checkpoints.size() - 1);
            throw new AuditChainException(ErrorCode.AUDIT_TRUNCATED, "entry " + index + ": the log ends after " + index
                    + " events but a checkpoint was signed at size " + c.treeSize() + "; acknowledged events were removed");
        }
        return new ChainVerification(index, prev);
    }

    /**
     * Returns the number of entries accepted.
     *
     * @return the count
     */
    public long count() {
        return index;
    }

    /**
     * Returns the Merkle root of the entries accepted so far.
     *
     * @return the root
     */
    public Digest root() {
        return tree.root();
    }

    static AuditEvent decode(long index, Bytes entry) {
        try {
            return AuditEventCodec.read(entry);
        } catch (FormatException e) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_MALFORMED, "entry " + index
                    + ": cannot be decoded as an audit event (" + e.getMessage() + ")", e);
        }
    }

    private static AuditEventCodec.Decoded decodeAndHash(long index, Bytes entry) {
        try {
            return AuditEventCodec.readAndHash(entry);
        } catch (FormatException e) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_MALFORMED, "entry " + index
                    + ": cannot be decoded as an audit event (" + e.getMessage() + ")", e);
        }
    }

    static long seqOrMinusOne(Bytes entry) {
        try {
            return AuditEventCodec.read(entry).seq();
        } catch (FormatException e) {
            return -1;
        }
    }
}
