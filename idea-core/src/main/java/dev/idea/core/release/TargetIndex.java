package dev.idea.core.release;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.VersionedRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Records that answer "what is the latest signed manifest of this target?" and "where is the
 * signed manifest with this id?" without replaying the chain.
 *
 * <p>The audit chain is the truth and these records are derived from its {@code manifest.sign}
 * events: {@code index/state} says up to which chain size they are complete, and
 * {@link #catchUp()} applies whatever a crash or another process left unapplied. Applying an event
 * twice is harmless, and a record never moves back to an older event. Thread-safe.
 */
final class TargetIndex {
    static final String ATTR_TARGET = "target";
    static final String ATTR_SIGNED_MANIFEST_BLOB = "signedManifestBlob";

    private static final String STATE_KEY = "index/state";
    private static final int CAS_ATTEMPTS = 16;

    private final RecordStore records;
    private final AuditLog auditLog;

    TargetIndex(RecordStore records, AuditLog auditLog) {
        this.records = records;
        this.auditLog = auditLog;
    }

    /** Returns the target's latest signed manifest, after catching up with the chain. */
    Optional<TargetHead> head(String target) {
        catchUp();
        return records.get(targetKey(target)).map(r -> decode(r.value()));
    }

    /** Returns where the signed manifest with this id is, if the chain recorded one. */
    Optional<TargetHead> manifest(String manifestId) {
        catchUp();
        return records.get(manifestKey(manifestId)).map(r -> decode(r.value()));
    }

    /** Applies the chain's events that the records do not reflect yet. */
    void catchUp() {
        Optional<VersionedRecord> state = records.get(STATE_KEY);
        long done = state.map(r -> Json.parseObject(r.value().toByteArray(), JsonLimits.DEFAULT).requireLong("logSize")).orElse(0L);
        long size = auditLog.size();
        for (long seq = done; seq < size; ) {
            List<AuditEvent> batch = auditLog.read(seq, 1024);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(this::apply);
            seq += batch.size();
        }
        if (size > done) {
            advance(state.map(VersionedRecord::version).orElse(0L), size);
        }
    }

    /** Applies events just appended by this instance, and advances the state when nothing is pending before them. */
    void applied(List<AuditEvent> events) {
        events.forEach(this::apply);
        Optional<VersionedRecord> state = records.get(STATE_KEY);
        long done = state.map(r -> Json.parseObject(r.value().toByteArray(), JsonLimits.DEFAULT).requireLong("logSize")).orElse(0L);
        if (!events.isEmpty() && done == events.get(0).seq()) {
            advance(state.map(VersionedRecord::version).orElse(0L), events.get(events.size() - 1).seq() + 1);
        }
    }

    private void advance(long version, long size) {
        try {
            records.compareAndSet(STATE_KEY, version, Bytes.of(Json.write(JsonObject.builder().put("logSize", size).build())));
        } catch (StorageException e) {
            if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                throw e;
            }
            // Another writer advanced the state first; the next catch-up re-applies idempotently.
        }
    }

    private void apply(AuditEvent e) {
        if (e.type() != AuditEventType.SIGN) {
            return;
        }
        TargetHead head = new TargetHead(e.attributes().get(ATTR_TARGET), e.subject(), e.payloadDigest(),
                e.manifestSignatureId(), Digest.parse(e.attributes().get(ATTR_SIGNED_MANIFEST_BLOB)), e.seq());
        put(targetKey(head.target()), head);
        put(manifestKey(head.manifestId()), head);
    }

    private void put(String key, TargetHead head) {
        Bytes value = encode(head);
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Optional<VersionedRecord> current = records.get(key);
            if (current.isPresent() && decode(current.get().value()).seq() >= head.seq()) {
                return;
            }
            try {
                records.compareAndSet(key, current.map(VersionedRecord::version).orElse(0L), value);
                return;
            } catch (StorageException e) {
                if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                    throw e;
                }
            }
        }
        throw new StorageException(ErrorCode.STORAGE_CONFLICT, "record " + key + " kept changing during "
                + CAS_ATTEMPTS + " attempts; retry");
    }

    static String targetKey(String target) {
        return "targets/" + Digest.sha256(Bytes.of(target.getBytes(StandardCharsets.UTF_8))).hex();
    }

    static String manifestKey(String manifestId) {
        return "manifests/" + Digest.sha256(Bytes.of(manifestId.getBytes(StandardCharsets.UTF_8))).hex();
    }

    private static Bytes encode(TargetHead h) {
        return Bytes.of(Json.write(JsonObject.builder()
                .put("target", h.target())
                .put("manifestId", h.manifestId())
                .put("manifestDigest", h.manifestDigest().toString())
                .put("manifestSignatureId", h.manifestSignatureId())
                .put("signedManifestBlob", h.signedManifestBlob().toString())
                .put("seq", h.seq())
                .build()));
    }

    private static TargetHead decode(Bytes value) {
        JsonObject o = Json.parseObject(value.toByteArray(), JsonLimits.DEFAULT);
        return new TargetHead(o.requireString("target"), o.requireString("manifestId"),
                Digest.parse(o.requireString("manifestDigest")), o.requireString("manifestSignatureId"),
                Digest.parse(o.requireString("signedManifestBlob")), o.requireLong("seq"));
    }
}
