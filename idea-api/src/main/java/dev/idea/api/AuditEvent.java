package dev.idea.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of the hash-linked audit chain.
 *
 * <p>{@code hash} is SHA-256 of the RFC 8785 canonical JSON of every other field (see
 * {@code docs/formats/audit-event.md}); {@code prevHash} is the previous event's {@code hash}, or 32
 * zero bytes for the first event. Attributes are kept sorted by key so that the hash never depends
 * on insertion order.
 *
 * @param seq position in the chain, starting at 0
 * @param timestamp when the state change happened (from the injected clock)
 * @param type what changed
 * @param actor who caused it
 * @param subject what it is about, e.g. a manifest id
 * @param payloadDigest digest of the document the event is about, or null
 * @param manifestSignatureId the kernel's signature id once the manifest is signed, or null before
 * @param attributes further string facts, sorted by key
 * @param prevHash hash of the previous event
 * @param hash hash of this event
 * @since 0.1
 */
public record AuditEvent(
        long seq,
        Instant timestamp,
        AuditEventType type,
        String actor,
        String subject,
        Digest payloadDigest,
        String manifestSignatureId,
        Map<String, String> attributes,
        Digest prevHash,
        Digest hash) {

    /** The {@code prevHash} of the first event: 32 zero bytes. */
    public static final Digest GENESIS_PREV_HASH = Digest.ofSha256(new byte[32]);

    /** Validates fields and copies the attributes into an unmodifiable sorted map. */
    public AuditEvent {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Texts.requireText(actor, "actor");
        Texts.requireText(subject, "subject");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
