package dev.idea.api;

import java.util.Objects;

/**
 * The result of replaying the audit chain from its first event.
 *
 * @param eventCount number of events verified
 * @param headHash hash of the last event, or {@link AuditEvent#GENESIS_PREV_HASH} for an empty chain
 * @since 0.1
 */
public record ChainVerification(long eventCount, Digest headHash) {

    /** Validates the fields. */
    public ChainVerification {
        if (eventCount < 0) {
            throw new IllegalArgumentException("eventCount must be >= 0, got " + eventCount);
        }
        Objects.requireNonNull(headHash, "headHash");
    }
}
