package dev.idea.core.codec;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes audit events and computes their hashes ({@code docs/formats/audit-event.md}).
 *
 * <p>An event's {@code hash} is SHA-256 of the RFC 8785 canonical JSON of the event without its
 * {@code hash} member. Stateless and thread-safe.
 */
public final class AuditEventCodec {
    private AuditEventCodec() {
    }

    /**
     * Completes an event: computes its hash from every other field.
     *
     * @param seq position in the chain
     * @param timestamp time of the change
     * @param type what changed
     * @param actor who
     * @param subject about what
     * @param payloadDigest digest of the document concerned, or null
     * @param manifestSignatureId the signature id, or null
     * @param attributes further facts
     * @param prevHash hash of the previous event
     * @return the event with its hash
     */
    public static AuditEvent seal(long seq, Instant timestamp, AuditEventType type, String actor, String subject,
                                  Digest payloadDigest, String manifestSignatureId, Map<String, String> attributes,
                                  Digest prevHash) {
        AuditEvent draft = new AuditEvent(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId,
                attributes, prevHash, AuditEvent.GENESIS_PREV_HASH);
        Digest hash = Digest.sha256(Bytes.of(Json.write(body(draft).build())));
        return new AuditEvent(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId,
                draft.attributes(), prevHash, hash);
    }

    /**
     * Recomputes the hash an event should have.
     *
     * @param event the event
     * @return SHA-256 of its canonical JSON without {@code hash}
     */
    public static Digest computeHash(AuditEvent event) {
        return Digest.sha256(Bytes.of(Json.write(body(event).build())));
    }

    /**
     * Writes an event, hash included, as canonical JSON.
     *
     * @param event the event
     * @return the bytes
     */
    public static Bytes write(AuditEvent event) {
        return Bytes.of(Json.write(body(event).put("hash", event.hash().toString()).build()));
    }

    private static JsonObject.Builder body(AuditEvent e) {
        JsonObject.Builder attributes = JsonObject.builder();
        e.attributes().forEach(attributes::put);
        return JsonObject.builder()
                .put("seq", e.seq())
                .put("timestamp", e.timestamp().toString())
                .put("type", e.type().wireName())
                .put("actor", e.actor())
                .put("subject", e.subject())
                .putIfNotNull("payloadDigest", e.payloadDigest() == null ? null : e.payloadDigest().toString())
                .putIfNotNull("manifestSignatureId", e.manifestSignatureId())
                .put("attributes", attributes.build())
                .put("prevHash", e.prevHash().toString());
    }

    /**
     * Reads an event as stored; does not check its hash (see the audit chain verifier).
     *
     * @param json the stored bytes
     * @return the event
     * @throws FormatException with {@link ErrorCode#AUDIT_EVENT_MALFORMED}
     */
    public static AuditEvent read(Bytes json) {
        try {
            JsonObject o = Json.parseObject(json.toByteArray(), CodecSupport.LIMITS);
            Map<String, String> attributes = new TreeMap<>();
            for (Map.Entry<String, JsonValue> a : o.requireObject("attributes").members().entrySet()) {
                if (!(a.getValue() instanceof JsonString s)) {
                    throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "attribute \"" + a.getKey() + "\" is not a string");
                }
                attributes.put(a.getKey(), s.value());
            }
            return new AuditEvent(o.requireLong("seq"),
                    CodecSupport.instant(o.requireString("timestamp"), "timestamp"),
                    AuditEventType.ofWireName(o.requireString("type")),
                    o.requireString("actor"),
                    o.requireString("subject"),
                    o.optString("payloadDigest").map(d -> CodecSupport.digest(d, "payloadDigest")).orElse(null),
                    o.optString("manifestSignatureId").orElse(null),
                    attributes,
                    CodecSupport.digest(o.requireString("prevHash"), "prevHash"),
                    CodecSupport.digest(o.requireString("hash"), "hash"));
        } catch (IdeaException | IllegalArgumentException e) {
            throw new FormatException(ErrorCode.AUDIT_EVENT_MALFORMED, e.getMessage(), e);
        }
    }
}
