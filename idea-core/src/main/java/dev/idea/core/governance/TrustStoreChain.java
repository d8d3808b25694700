package dev.idea.core.governance;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.governance.TrustStore;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.dsse.Dsse;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.VersionedRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The chain of signed trust store versions IDEA has accepted, with its high-water mark persisted in
 * a {@link RecordStore}.
 *
 * <p>The record {@value #RECORD_KEY} holds the signed envelope of the newest accepted version. The
 * first version is accepted when a threshold of its own keys signed it (it is the trust anchor the
 * operator chose); each later version must be exactly one higher and signed by
 * {@code min_required_signatures} distinct trusted keys of the <em>previous</em> version and by
 * {@code min_required_signatures} distinct trusted keys of its own, as TUF rotates root metadata.
 * Keys count only while not revoked and inside their validity window at the injected clock's time.
 *
 * <p>Each newer version persisted is reported to the listener given to {@link #open(RecordStore, Clock,
 * Consumer)} as a {@link TrustStoreAcceptance} (the engine records it as an audit event).
 *
 * <p>Thread-safe: every acceptance is a compare-and-set on the record, so two concurrent updates
 * cannot both win; the loser gets {@link ErrorCode#STORAGE_CONFLICT} and may retry.
 *
 * <p>Security guarantees: a version older than, or equal to (with other content), the highest one
 * accepted is refused ({@link ErrorCode#TRUST_STORE_ROLLBACK}), also after a restart, because the
 * mark lives in the record store, which writes atomically and durably; a skipped version is refused
 * ({@link ErrorCode#TRUST_STORE_VERSION_GAP}); a rotation without either threshold is refused
 * ({@link ErrorCode#TRUST_STORE_THRESHOLD_NOT_MET}). The persisted envelope is re-verified against
 * its own keys when it is loaded, so a tampered record is noticed.
 */
public final class TrustStoreChain {
    /** The record holding the newest accepted signed trust store. */
    public static final String RECORD_KEY = "governance/trust-store/current";

    private final RecordStore records;
    private final Clock clock;
    private final Consumer<TrustStoreAcceptance> onAccepted;

    private TrustStoreChain(RecordStore records, Clock clock, Consumer<TrustStoreAcceptance> onAccepted) {
        this.records = records;
        this.clock = clock;
        this.onAccepted = onAccepted;
    }

    /**
     * Opens the chain kept in a record store.
     *
     * @param records where the high-water mark lives
     * @param clock the time source for validity windows
     * @return the chain
     */
    public static TrustStoreChain open(RecordStore records, Clock clock) {
        return open(records, clock, accepted -> { });
    }

    /**
     * Opens the chain kept in a record store, reporting each version it accepts (e.g. to the audit log).
     *
     * @param records where the high-water mark lives
     * @param clock the time source for validity windows
     * @param onAccepted called after each newer version is persisted, in the accepting thread; not for the
     *     current version given again; what it throws propagates to the caller of {@link #accept}
     * @return the chain
     */
    public static TrustStoreChain open(RecordStore records, Clock clock, Consumer<TrustStoreAcceptance> onAccepted) {
        return new TrustStoreChain(Objects.requireNonNull(records, "records"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(onAccepted, "onAccepted"));
    }

    /**
     * Returns the newest accepted trust store, re-verified against its own keys.
     *
     * @return the trust store, or empty when none was accepted yet
     * @throws VerificationException with {@code TRUST_STORE_THRESHOLD_NOT_MET} when the stored
     *     envelope no longer verifies (tampered record)
     */
    public Optional<TrustStore> current() {
        return records.get(RECORD_KEY).map(r -> verifiedStored(EnvelopeCodec.read(r.value()), clock.instant()));
    }

    /**
     * Returns the storage version of the record holding the current trust store: it changes whenever any
     * instance sharing the storage accepts a version, so a cache of {@link #current()} can be checked
     * cheaply without re-verifying signatures.
     *
     * @return the record's version, 0 when none was accepted
     */
    public long recordVersion() {
        return records.get(RECORD_KEY).map(VersionedRecord::version).orElse(0L);
    }

    /**
     * Returns the highest version accepted so far.
     *
     * @return the version, 0 when none was accepted
     */
    public long highWaterMark() {
        return current().map(TrustStore::version).orElse(0L);
    }

    /**
     * Accepts a signed trust store version if it extends the chain.
     *
     * @param signed a DSSE envelope of type {@value TrustStoreCodec#PAYLOAD_TYPE}
     * @return the accepted trust store (the current one when {@code signed} is the current version again)
     * @throws VerificationException with {@code TRUST_STORE_ROLLBACK}, {@code TRUST_STORE_VERSION_GAP}
     *     or {@code TRUST_STORE_THRESHOLD_NOT_MET}; {@code PAYLOAD_TYPE_MISMATCH} for another document
     * @throws StorageException with {@code STORAGE_CONFLICT} when another update won a race
     */
    public TrustStore accept(DsseEnvelope signed) {
        Objects.requireNonNull(signed, "signed");
        Instant now = clock.instant();
        TrustStore next = TrustStoreCodec.readUnverified(signed);
        Optional<VersionedRecord> record = records.get(RECORD_KEY);
        if (record.isEmpty()) {
            verifiedOwn(signed, now);
            records.compareAndSet(RECORD_KEY, 0, EnvelopeCodec.write(signed));
            onAccepted.accept(new TrustStoreAcceptance(0, null, next.version(), Digest.sha256(signed.payload())));
            return next;
        }
        DsseEnvelope currentEnvelope = EnvelopeCodec.read(record.get().value());
        TrustStore current = verifiedStored(currentEnvelope, now);
        if (next.version() <= current.version()) {
            if (next.version() == current.version() && next.equals(current)) {
                return current;
            }
            throw new VerificationException(ErrorCode.TRUST_STORE_ROLLBACK, "trust store version " + next.version()
                    + " is not newer than version " + current.version() + ", the highest already accepted"
                    + (next.version() == current.version() ? " (with other content)" : "")
                    + "; a trust store can only move forward: publish version " + (current.version() + 1));
        }
        if (next.version() != current.version() + 1) {
            throw new VerificationException(ErrorCode.TRUST_STORE_VERSION_GAP, "trust store version " + next.version()
                    + " skips versions after the current " + current.version() + "; accept version "
                    + (current.version() + 1) + " first (each version must be signed by its predecessor's keys)");
        }
        requireThreshold(signed, current, now, "previous version " + current.version());
        requireThreshold(signed, next, now, "new version " + next.version() + " itself");
        records.compareAndSet(RECORD_KEY, record.get().version(), EnvelopeCodec.write(signed));
        onAccepted.accept(new TrustStoreAcceptance(current.version(), Digest.sha256(currentEnvelope.payload()),
                next.version(), Digest.sha256(signed.payload())));
        return next;
    }

    /**
     * Accepts several versions in order, e.g. every version published since the current one.
     *
     * @param chain the signed versions, oldest first
     * @return the newest accepted trust store
     * @throws VerificationException as {@link #accept}, at the first version that fails
     */
    public TrustStore acceptAll(List<DsseEnvelope> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain is empty; pass at least one signed trust store");
        }
        TrustStore last = null;
        for (DsseEnvelope envelope : chain) {
            last = accept(envelope);
        }
        return last;
    }

    /** Checks a first version at acceptance: its own keys, trusted now, must meet its threshold. */
    private static TrustStore verifiedOwn(DsseEnvelope envelope, Instant now) {
        TrustStore store = TrustStoreCodec.readUnverified(envelope);
        requireThreshold(envelope, store, store.keysTrustedAt(now), now, "version " + store.version() + " itself");
        return store;
    }

    /**
     * Checks the stored version's integrity: validity windows are not applied, because the version was
     * checked when it was accepted and must stay the base for rotating away from keys that expired.
     */
    private static TrustStore verifiedStored(DsseEnvelope envelope, Instant now) {
        TrustStore store = TrustStoreCodec.readUnverified(envelope);
        List<VerificationKey> keys = store.signers().stream().filter(s -> !s.revoked()).map(s -> s.key()).toList();
        requireThreshold(envelope, store, keys, now, "stored version " + store.version());
        return store;
    }

    private static void requireThreshold(DsseEnvelope envelope, TrustStore by, Instant now, String whose) {
        requireThreshold(envelope, by, by.keysTrustedAt(now), now, whose);
    }

    /** Requires {@code by.minRequiredSignatures()} distinct keys among {@code keys} to have signed. */
    private static void requireThreshold(DsseEnvelope envelope, TrustStore by, List<VerificationKey> keys, Instant now,
                                         String whose) {
        int threshold = by.minRequiredSignatures();
        if (keys.size() < threshold) {
            throw new VerificationException(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, "the " + whose + " needs "
                    + threshold + " signatures but only " + keys.size() + " of its keys are trusted at " + now
                    + " (others are revoked or outside their validity window); the trust store cannot be rotated"
                    + " this way: re-establish trust out of band");
        }
        try {
            Dsse.verify(envelope, TrustStoreCodec.PAYLOAD_TYPE, keys, threshold);
        } catch (VerificationException e) {
            if (e.errorCode() != ErrorCode.SIGNATURE_THRESHOLD_NOT_MET && e.errorCode() != ErrorCode.ENVELOPE_MALFORMED) {
                throw e;
            }
            throw new VerificationException(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, "trust store signatures do not meet"
                    + " the threshold of the " + whose + ": " + e.getMessage() + "; have " + threshold
                    + " distinct trusted signers of the " + whose + " sign it", e);
        }
    }
}
