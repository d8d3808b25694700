package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import java.util.Objects;

/**
 * One entry of the {@value EventSignatures#LOG_NAME} log: the DSSE signature of one audit event
 * ({@code docs/formats/audit-event-signatures.md}).
 *
 * @param index the event's seq
 * @param eventHash the event's {@code hash}; binds the entry to one event, so that an entry written
 *     for an event that was never appended (a crash or a lost race between the two appends) matches
 *     no event and is skipped
 * @param keyid the signing key's id ({@link dev.idea.api.VerificationKey#keyId()}); a hint only
 * @param sig the signature over the DSSE PAE of {@link EventSigner#PAYLOAD_TYPE} and the event's
 *     stored bytes
 */
public record EventSignature(long index, Digest eventHash, String keyid, Bytes sig) {
    private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 4, 16 * 1024);

    /** Validates presence and range. */
    public EventSignature {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Objects.requireNonNull(eventHash, "eventHash");
        Objects.requireNonNull(keyid, "keyid");
        Objects.requireNonNull(sig, "sig");
    }

    /**
     * Returns whether this entry was written for this event.
     *
     * @param seq the event's seq
     * @param hash the event's hash
     * @return true when both match
     */
    public boolean isFor(long seq, Digest hash) {
        return index == seq && eventHash.equals(hash);
    }

    /**
     * Writes the entry as RFC 8785 canonical JSON: {@code {"hash","index","keyid","sig"}}.
     *
     * @return the stored bytes
     */
    public Bytes toJson() {
        return Bytes.of(Json.write(toJsonObject()));
    }

    /**
     * Returns the entry as a JSON object (the export and bundle member {@code sig}).
     *
     * @return the object
     */
    public JsonObject toJsonObject() {
        return JsonObject.builder().put("hash", eventHash.toString()).put("index", index)
                .put("keyid", keyid).put("sig", sig.base64()).build();
    }

    /**
     * Reads a stored entry.
     *
     * @param position the entry's position in the log, for the message
     * @param stored the stored bytes
     * @return the entry
     * @throws AuditChainException with {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} when it is not one
     */
    public static EventSignature parse(long position, Bytes stored) {
        try {
            return fromJson(Json.parseObject(stored.toByteArray(), LIMITS));
        } catch (IdeaException | IllegalArgumentException e) {
            throw new AuditChainException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "entry " + position + " of the "
                    + EventSignatures.LOG_NAME + " log is not a signature entry (" + e.getMessage()
                    + "); restore that log from a backup", e);
        }
    }

    /**
     * Reads an entry from its JSON object.
     *
     * @param o the object
     * @return the entry
     * @throws IdeaException or IllegalArgumentException for a missing or malformed member
     */
    public static EventSignature fromJson(JsonObject o) {
        return new EventSignature(o.requireLong("index"), Digest.parse(o.requireString("hash")), o.requireString("keyid"),
                Bytes.fromBase64(o.requireString("sig")));
    }
}
