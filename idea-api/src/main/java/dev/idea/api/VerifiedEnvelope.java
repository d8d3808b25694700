package dev.idea.api;

import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope whose signatures met a threshold of distinct trusted keys.
 *
 * @param payloadType the verified payload type
 * @param payload the verified payload
 * @param verifiedBy the distinct trusted keys whose signatures verified, in the order given by the caller
 * @since 0.1
 */
public record VerifiedEnvelope(String payloadType, Bytes payload, List<VerificationKey> verifiedBy) {

    /** Validates presence and copies the key list. */
    public VerifiedEnvelope {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        verifiedBy = List.copyOf(verifiedBy);
    }
}
