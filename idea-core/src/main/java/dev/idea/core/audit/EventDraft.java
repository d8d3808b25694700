package dev.idea.core.audit;

import dev.idea.api.AuditEventType;
import dev.idea.api.Digest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An audit event before it has a place in the chain (no seq, prevHash or hash yet).
 *
 * @param timestamp time of the change
 * @param type what changed
 * @param actor who
 * @param subject about what
 * @param payloadDigest digest of the document concerned, or null
 * @param manifestSignatureId the signature id, or null
 * @param attributes further facts
 */
public record EventDraft(Instant timestamp, AuditEventType type, String actor, String subject, Digest payloadDigest,
                         String manifestSignatureId, Map<String, String> attributes) {

    /** Validates presence and copies the attributes. */
    public EventDraft {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        attributes = Map.copyOf(attributes);
    }
}
