package dev.idea.core.upgrade;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import java.time.Instant;
import java.util.Objects;

/**
 * An approval envelope as the upgrade store keeps it, with the instant IDEA received it.
 *
 * @param statementDigest SHA-256 of the envelope's PAE (the record key's last segment)
 * @param envelope the envelope
 * @param receivedAt when {@code approve} stored it (from the clock)
 */
record StoredApproval(Digest statementDigest, DsseEnvelope envelope, Instant receivedAt) {

    StoredApproval {
        Objects.requireNonNull(statementDigest, "statementDigest");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
