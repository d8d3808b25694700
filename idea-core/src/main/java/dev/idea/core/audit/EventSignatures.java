package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-event signatures of an audit chain, kept in the storage log {@value #LOG_NAME}: one
 * {@link EventSignature} per signed event, written before the events it covers
 * ({@code docs/formats/audit-event-signatures.md}).
 *
 * <p>The storage SPI's logs cannot be truncated, so an entry written for an event that never reached
 * the {@code audit} log (a crash, a failed or lost append between the two appends) stays; it names
 * that event's index and hash, matches no stored event, and readers skip it. Entries of stored events
 * appear in event order.
 *
 * <p>Thread-safe; each {@link Reader} is not.
 */
public final class EventSignatures {
    /** Name of the storage log that holds the signatures. */
    public static final String LOG_NAME = "audit-signatures";

    private static final Logger LOG = LoggerFactory.getLogger(EventSignatures.class);
    private static final int READ_BATCH = 256;
    private static final int MAX_ATTEMPTS = 32;

    private final AppendLog log;

    EventSignatures(AppendLog log) {
        this.log = log;
    }

    /**
     * Signs sealed events and appends their entries in one conditional append, before the events are
     * appended. A conflict only means another writer added entries: the append is retried at the new
     * end, since an entry names its event rather than relying on its position.
     */
    void signAndAppend(EventSigner signer, List<AuditEvent> sealed, List<Bytes> stored) {
        List<Bytes> entries = new ArrayList<>(sealed.size());
        for (int i = 0; i < sealed.size(); i++) {
            entries.add(signer.sign(sealed.get(i), stored.get(i)).toJson());
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                log.append(log.size(), entries);
                return;
            } catch (StorageException e) {
                if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                    throw e;
                }
            }
        }
        throw new AuditChainException(ErrorCode.STORAGE_CONFLICT, "could not append to the " + LOG_NAME + " log after "
                + MAX_ATTEMPTS + " attempts: other writers keep extending it; retry later");
    }

    /**
     * Tells, on open, whether the chain is being signed: the last stored event is signed and is not the
     * {@code audit.signing state=off} event. Entries at the end for events that were never appended are
     * skipped (logged).
     *
     * @param eventCount the number of stored events
     * @param eventAt reads the stored event at an index
     * @return true when appends must sign
     * @throws AuditChainException with {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} when events after the
     *     last signed one were appended while signing was on (the signature log lost its tail)
     */
    boolean signingNow(long eventCount, LongFunction<AuditEvent> eventAt) {
        long last = lastSignedEvent(eventCount, i -> eventAt.apply(i).hash());
        if (last < 0) {
            return false;
        }
        if (SignedRange.isSwitch(eventAt.apply(last), SignedRange.OFF)) {
            return false;
        }
        if (last == eventCount - 1) {
            return true;
        }
        throw new AuditChainException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "entry " + (last + 1) + ": the " + LOG_NAME
                + " log signs events up to " + last + ", which left signing on, but the chain has " + eventCount
                + " events: events " + (last + 1) + " to " + (eventCount - 1) + " have no signature; restore the " + LOG_NAME
                + " log from a backup (it lost its tail), then verify the chain");
    }

    private long lastSignedEvent(long eventCount, LongFunction<Digest> hashAt) {
        long end = log.size();
        long skipped = 0;
        while (end > 0) {
            int n = (int) Math.min(READ_BATCH, end);
            List<Bytes> batch = log.read(end - n, n);
            for (int i = batch.size() - 1; i >= 0; i--) {
                EventSignature s = EventSignature.parse(end - n + i, batch.get(i));
                if (s.index() < eventCount && s.isFor(s.index(), hashAt.apply(s.index()))) {
                    logSkipped(skipped);
                    return s.index();
                }
                skipped++;
            }
            end -= n;
        }
        logSkipped(skipped);
        return -1;
    }

    private static void logSkipped(long skipped) {
        if (skipped > 0) {
            LOG.info("{} entries at the end of the {} log sign events that were never appended (an interrupted or lost"
                    + " append); they are ignored", skipped, LOG_NAME);
        }
    }

    /**
     * Starts a reader at the first entry.
     *
     * @return the reader
     */
    public Reader reader() {
        return new Reader();
    }

    /** Finds the entries of successive events in one forward pass over the log. */
    public final class Reader {
        private final SignedRange range = new SignedRange();
        private long next;
        private long bufferStart;
        private List<Bytes> buffer = List.of();

        private Reader() {
        }

        /**
         * Finds the entry of an event after the entry last found, skipping entries of events that were
         * never appended. On a miss the reader stays where it was (the scan to the end of the log is
         * then repeated by the next call; a miss means the log is damaged).
         *
         * @param seq the event's seq
         * @param hash the event's hash
         * @return the entry, or null when the log has none for this event
         * @throws AuditChainException with {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} for an
         *     entry that cannot be decoded
         */
        public EventSignature find(long seq, Digest hash) {
            for (long p = next; ; p++) {
                Bytes stored = at(p);
                if (stored == null) {
                    return null;
                }
                EventSignature s = EventSignature.parse(p, stored);
                if (s.isFor(seq, hash)) {
                    next = p + 1;
                    return s;
                }
            }
        }

        /**
         * Returns the entry of the next event of the chain when the chain requires it to be signed;
         * called for every event in chain order (for exports).
         *
         * @param event the next event
         * @return the entry, or null when the event is not signed or its entry is missing
         */
        public EventSignature nextInChain(AuditEvent event) {
            return range.covers(event) ? find(event.seq(), event.hash()) : null;
        }

        private Bytes at(long position) {
            if (position < bufferStart || position >= bufferStart + buffer.size()) {
                buffer = log.read(position, READ_BATCH);
                bufferStart = position;
                if (buffer.isEmpty()) {
                    return null;
                }
            }
            return buffer.get((int) (position - bufferStart));
        }
    }
}
