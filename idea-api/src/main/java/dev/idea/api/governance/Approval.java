package dev.idea.api.governance;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import java.util.Objects;

/**
 * A signed approval: a DSSE envelope of type {@value #PAYLOAD_TYPE} whose payload is an
 * {@link ApprovalStatement} in canonical JSON ({@code docs/governance.md}).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Security guarantees: an approval is only data until {@code idea-core}'s {@code
 * ApprovalEvaluator} has checked it against a trust store and a policy; nothing in the envelope
 * (key id hints, the approver id in the payload) is trusted before the approver's registered key
 * verified the signature.
 *
 * @param envelope the signed statement
 * @since 0.2
 */
public record Approval(DsseEnvelope envelope) {
    /** The DSSE payload type of approval statements. */
    public static final String PAYLOAD_TYPE = "application/vnd.idea.approval.v1+json";

    /** Validates presence. */
    public Approval {
        Objects.requireNonNull(envelope, "envelope");
    }

    /**
     * Returns SHA-256 of the envelope's pre-authentication encoding: identifies the signed statement
     * independently of its signatures.
     *
     * @return the statement digest
     */
    public Digest statementDigest() {
        return Digest.sha256(envelope.pae());
    }
}
