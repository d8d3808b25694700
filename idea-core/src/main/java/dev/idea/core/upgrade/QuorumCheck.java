package dev.idea.core.upgrade;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.Impact;
import dev.idea.api.VerificationException;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.QuorumVote;
import dev.idea.core.governance.TrustStoreChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the approvals of one manifest against a trust store and an approval policy: the seam
 * between the upgrade flow and the approval evaluator
 * ({@code dev.idea.core.governance.ApprovalEvaluator}).
 *
 * <p>{@link #of} gives the check backed by a fixed trust store and approval policy, {@link #following}
 * the one that follows the trust store persisted in the storage. The engine uses the check passed in code (an object implementing both this interface and
 * {@link dev.idea.api.IdeaProvider}, handed to {@code Idea.builder().provider(…)}), and otherwise
 * {@link #unconfigured()}, which fails closed.
 *
 * <p>Implementations are thread-safe and, for one trust store, pure: equal inputs give equal results.
 *
 * <p>Security guarantees expected of implementations: an approval counts only when its signature
 * verifies under the approver's trusted key, it names {@code manifestDigest}, it is valid at
 * {@code at}, its signer holds a role the policy accepts for {@code impact}, and no other counted
 * approval came from the same key or the same approver id.
 */
public interface QuorumCheck {

    /**
     * Counts approvals.
     *
     * @param manifestDigest the manifest the approvals must name
     * @param impact the change's impact tier
     * @param approvals the stored approval envelopes, in the order they were received
     * @param at the instant validity (expiry, key validity windows) is judged at
     * @return whether the threshold is met, and exactly one vote per approval, in the order of {@code approvals}
     */
    QuorumStatus evaluate(Digest manifestDigest, Impact impact, List<DsseEnvelope> approvals, Instant at);

    /**
     * Returns the check that counts through the trust store and approval policy
     * ({@code ApprovalEvaluator}).
     *
     * @param store the trusted approvers
     * @param policy the thresholds per impact
     * @return the check
     */
    static QuorumCheck of(TrustStore store, ApprovalPolicy policy) {
        return new EvaluatorQuorumCheck(store, policy);
    }

    /**
     * Returns the check that counts through the approval policy against the trust store currently
     * persisted in a chain: a newer version accepted by another instance sharing the storage is picked up at
     * the next count.
     *
     * @param chain the chain holding the current trust store; a version must have been accepted
     * @param policy the thresholds per impact
     * @return the check
     * @throws VerificationException with {@code TRUST_STORE_INVALID} when the chain holds no version
     */
    static QuorumCheck following(TrustStoreChain chain, ApprovalPolicy policy) {
        return new CurrentTrustStoreQuorumCheck(chain, policy);
    }

    /**
     * Returns the check used when none is configured: it counts nothing, so {@code apply} always
     * refuses and emergency applies lapse.
     *
     * @return a fail-closed check
     */
    static QuorumCheck unconfigured() {
        return (manifestDigest, impact, approvals, at) -> {
            List<QuorumVote> votes = new ArrayList<>(approvals.size());
            for (DsseEnvelope e : approvals) {
                votes.add(new QuorumVote(Digest.sha256(e.pae()), "", false, "NO_TRUST_STORE"));
            }
            return new QuorumStatus(false, "no trust store or approval policy is configured", votes, at);
        };
    }
}
