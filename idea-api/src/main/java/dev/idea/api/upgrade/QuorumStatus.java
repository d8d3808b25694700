package dev.idea.api.upgrade;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of counting an upgrade's approvals at one instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param met whether the counted approvals meet the threshold
 * @param requirement the requirement, for people (e.g. {@code 3-of(approver)})
 * @param votes one entry per stored approval, counted or not, in a stable order
 * @param evaluatedAt the instant the approvals were counted at (from the injected clock)
 * @since 0.2
 */
public record QuorumStatus(boolean met, String requirement, List<QuorumVote> votes, Instant evaluatedAt) {

    /** Validates presence and copies the votes. */
    public QuorumStatus {
        Objects.requireNonNull(requirement, "requirement");
        votes = List.copyOf(votes);
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    }

    /**
     * Returns the ids of the approvers whose approvals counted.
     *
     * @return the distinct ids, sorted
     */
    public List<String> countedApprovers() {
        return votes.stream().filter(QuorumVote::counted).map(QuorumVote::approverId).distinct().sorted().toList();
    }
}
