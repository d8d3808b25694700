package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.StorageException;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.spi.storage.AppendLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The audit chain on top of an {@link AppendLog}: each entry is one event's canonical JSON.
 *
 * <p>Thread-safe. Appends from this instance are serialized; appends from other processes sharing
 * the log are detected through the log's conditional append and retried on the new head.
 *
 * <p>Security guarantees: a batch of events is appended all-or-nothing; every event's
 * {@code prevHash} is the hash of the event before it, so {@link #verify()} detects any change,
 * removal, insertion or reordering of stored events.
 */
public final class AuditLog {
    /** Name of the storage log that holds the chain. */
    public static final String LOG_NAME = "audit";

    private static final int MAX_ATTEMPTS = 32;
    private static final int READ_BATCH = 1024;

    private final AppendLog log;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Wraps a storage log.
     *
     * @param log the append-only log holding the chain
     */
    public AuditLog(AppendLog log) {
        this.log = log;
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
        lock.lock();
        try {
            long size = log.size();
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Digest head = size == 0 ? AuditEvent.GENESIS_PREV_HASH : decode(size - 1, log.read(size - 1, 1).get(0)).hash();
                List<AuditEvent> sealed = seal(drafts, size, head);
                List<Bytes> entries = new ArrayList<>(sealed.size());
                sealed.forEach(e -> entries.add(AuditEventCodec.write(e)));
                try {
                    log.append(size, entries);
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
        } finally {
            lock.unlock();
        }
    }

    private static List<AuditEvent> seal(List<EventDraft> drafts, long firstSeq, Digest head) {
        List<AuditEvent> sealed = new ArrayList<>(drafts.size());
        Digest prev = head;
        long seq = firstSeq;
        for (EventDraft d : drafts) {
            AuditEvent e = AuditEventCodec.seal(seq++, d.timestamp(), d.type(), d.actor(), d.subject(), d.payloadDigest(),
                    d.manifestSignatureId(), d.attributes(), prev);
            sealed.add(e);
            prev = e.hash();
        }
        return sealed;
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
     * Replays the whole chain, streaming, and checks every sequence number, hash and link.
     *
     * @return the count and head hash
     * @throws AuditChainException naming the first bad entry and its fault
     */
    public ChainVerification verify() {
        Digest prev = AuditEvent.GENESIS_PREV_HASH;
        long index = 0;
        while (true) {
            List<Bytes> batch = log.read(index, READ_BATCH);
            if (batch.isEmpty()) {
                return new ChainVerification(index, prev);
            }
            for (Bytes entry : batch) {
                AuditEvent e = decode(index, entry);
                ChainRules.check(index, e, prev);
                prev = e.hash();
                index++;
            }
        }
    }

    private static AuditEvent decode(long index, Bytes entry) {
        try {
            return AuditEventCodec.read(entry);
        } catch (FormatException e) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_MALFORMED, "entry " + index
                    + ": cannot be decoded as an audit event (" + e.getMessage() + ")", e);
        }
    }
}
