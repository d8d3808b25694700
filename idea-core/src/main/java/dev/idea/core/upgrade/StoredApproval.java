package dev.idea.core.upgrade;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.core.codec.EnvelopeCodec;
import java.time.Instant;
import java.util.Objects;

/**
 * An approval envelope as the upgrade store keeps it, with the instant IDEA received it.
 *
 * @param envelopeDigest SHA-256 of the envelope's JSON as IDEA writes it (the record key's last segment): two
 *     envelopes of the same statement with different signatures are different approvals, so a forged copy
 *     of a statement cannot shadow the genuine one
 * @param envelope the envelope
 * @param receivedAt when {@code approve} stored it (from the clock)
 */
record StoredApproval(Digest envelopeDigest, DsseEnvelope envelope, Instant receivedAt) {

    static Digest digestOf(DsseEnvelope envelope) {
        return Digest.sha256(EnvelopeCodec.write(envelope));
    }

    StoredApproval {
        Objects.requireNonNull(envelopeDigest, "envelopeDigest");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
