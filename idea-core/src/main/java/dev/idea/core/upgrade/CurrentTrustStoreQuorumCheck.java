package dev.idea.core.upgrade;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Impact;
import dev.idea.api.VerificationException;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.core.governance.TrustStoreChain;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link QuorumCheck} that counts against the trust store currently persisted in the storage, so that a
 * rotation accepted by another instance sharing the storage takes effect here at the next count, without a
 * rebuild.
 *
 * <p>Each {@link #evaluate} reads the storage version of the trust store record ({@link
 * TrustStoreChain#recordVersion()}); only when it changed is the stored version loaded and re-verified.
 *
 * <p>Thread-safe: the cached trust store and its evaluator form one immutable snapshot, replaced atomically.
 *
 * <p>Security guarantees: a version picked up from the storage is trusted on the same ground as at a
 * restart: only {@link TrustStoreChain#accept} writes the record, after checking the rotation thresholds;
 * the stored envelope is re-verified against its own keys. The trust store never moves back: a stored
 * version below the one held, the same version with other content, or a record that disappeared fails the
 * count with {@link ErrorCode#TRUST_STORE_ROLLBACK} (fail closed) rather than counting with either store.
 */
final class CurrentTrustStoreQuorumCheck implements QuorumCheck {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentTrustStoreQuorumCheck.class);

    private final TrustStoreChain chain;
    private final ApprovalPolicy policy;
    private volatile Snapshot snapshot;

    /** The trust store held, the record version it was read at, and the check counting with it. */
    private record Snapshot(long recordVersion, TrustStore store, QuorumCheck check) {
    }

    CurrentTrustStoreQuorumCheck(TrustStoreChain chain, ApprovalPolicy policy) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.policy = Objects.requireNonNull(policy, "policy");
        long recordVersion = chain.recordVersion();
        TrustStore store = chain.current().orElseThrow(() -> new VerificationException(ErrorCode.TRUST_STORE_INVALID,
                "no trust store version has been accepted in the storage; accept a root version first"));
        this.snapshot = new Snapshot(recordVersion, store, QuorumCheck.of(store, policy));
    }

    @Override
    public QuorumStatus evaluate(Digest manifestDigest, Impact impact, List<DsseEnvelope> approvals, Instant at) {
        return current().check().evaluate(manifestDigest, impact, approvals, at);
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        long recordVersion = chain.recordVersion();
        if (recordVersion == held.recordVersion()) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (recordVersion == held.recordVersion()) {
                return held;
            }
            Snapshot next = reload(held);
            snapshot = next;
            return next;
        }
    }

    private Snapshot reload(Snapshot held) {
        long recordVersion = chain.recordVersion();
        long inForce = held.store().version();
        TrustStore stored = chain.current().orElseThrow(() -> rollback("the trust store record has disappeared from"
                + " the storage", inForce));
        long version = stored.version();
        if (version < inForce || version == inForce && !stored.equals(held.store())) {
            throw rollback("the storage now holds trust store version " + version
                    + (version == inForce ? " with other content" : ""), inForce);
        }
        if (version > held.store().version()) {
            LOG.info("trust store version {} accepted in the shared storage replaces version {} for counting approvals",
                    version, held.store().version());
            return new Snapshot(recordVersion, stored, QuorumCheck.of(stored, policy));
        }
        return new Snapshot(recordVersion, held.store(), held.check());
    }

    private static VerificationException rollback(String what, long inForce) {
        return new VerificationException(ErrorCode.TRUST_STORE_ROLLBACK, what + ", but version " + inForce
                + " was already in force; a trust store never moves back, so approvals are not counted until the storage"
                + " holds version " + inForce + " or a later rotation of it: restore the record "
                + TrustStoreChain.RECORD_KEY + " from a backup and find out who wrote to the storage");
    }
}
