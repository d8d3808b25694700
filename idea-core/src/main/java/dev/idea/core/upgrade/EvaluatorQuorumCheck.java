package dev.idea.core.upgrade;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.Impact;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalDecision;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.CountedApproval;
import dev.idea.api.governance.RefusalReason;
import dev.idea.api.governance.RefusedApproval;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.QuorumVote;
import dev.idea.core.governance.ApprovalEvaluator;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link QuorumCheck} backed by the trust store and approval policy: counts through
 * {@link ApprovalEvaluator} and reports one vote per approval, in the order the approvals were given. When
 * several envelopes carry the same statement (a forged copy beside the genuine one), each of them is also
 * judged alone, so that the vote of the genuine copy is the one that counted.
 *
 * <p>Thread-safe: the store, the policy and the evaluator are immutable.
 *
 * <p>Security guarantees: those of {@link ApprovalEvaluator}: an approval counts once per distinct
 * trusted key and identity, only for this manifest, inside its validity and with a role the policy
 * accepts for the impact; every other approval is reported with its refusal reason.
 */
final class EvaluatorQuorumCheck implements QuorumCheck {
    private final ApprovalEvaluator evaluator = new ApprovalEvaluator();
    private final TrustStore store;
    private final ApprovalPolicy policy;

    EvaluatorQuorumCheck(TrustStore store, ApprovalPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public QuorumStatus evaluate(Digest manifestDigest, Impact impact, List<DsseEnvelope> approvals, Instant at) {
        List<Approval> wrapped = new ArrayList<>(approvals.size());
        approvals.forEach(e -> wrapped.add(new Approval(e)));
        ApprovalDecision decision = evaluator.evaluate(manifestDigest, impact, wrapped, store, policy, at);
        Map<Digest, Deque<QuorumVote>> counted = new HashMap<>();
        Map<Digest, Deque<QuorumVote>> refused = new HashMap<>();
        for (CountedApproval c : decision.counted()) {
            counted.computeIfAbsent(c.statementDigest(), d -> new ArrayDeque<>())
                    .add(new QuorumVote(c.statementDigest(), c.approverId(), true, ""));
        }
        for (RefusedApproval r : decision.refused()) {
            refused.computeIfAbsent(r.statementDigest(), d -> new ArrayDeque<>()).add(refusal(r));
        }
        Map<Digest, Integer> copies = new HashMap<>();
        wrapped.forEach(a -> copies.merge(a.statementDigest(), 1, Integer::sum));
        List<QuorumVote> votes = new ArrayList<>(wrapped.size());
        for (Approval a : wrapped) {
            Digest d = a.statementDigest();
            Deque<QuorumVote> c = counted.getOrDefault(d, new ArrayDeque<>());
            Deque<QuorumVote> r = refused.getOrDefault(d, new ArrayDeque<>());
            if (copies.get(d) == 1) {
                votes.add(!c.isEmpty() ? c.poll() : r.poll());
                continue;
            }
            // The same statement under different signatures (e.g. a forged copy): judge this envelope alone to
            // know which copy is the genuine one.
            ApprovalDecision alone = evaluator.evaluate(manifestDigest, impact, List.of(a), store, policy, at);
            if (!alone.refused().isEmpty()) {
                votes.add(refusal(alone.refused().get(0)));
            } else if (!c.isEmpty()) {
                votes.add(c.poll());
            } else {
                QuorumVote other = r.isEmpty() ? null : r.poll();
                votes.add(other != null ? other : new QuorumVote(d, alone.counted().get(0).approverId(), false,
                        RefusalReason.DUPLICATE_APPROVER.name()));
            }
        }
        return new QuorumStatus(decision.met(), decision.requirement(), votes, decision.evaluatedAt());
    }

    private static QuorumVote refusal(RefusedApproval r) {
        return new QuorumVote(r.statementDigest(), r.approverId(), false, r.reason().name());
    }
}
