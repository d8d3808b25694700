package dev.idea.api.governance;

import dev.idea.api.Digest;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An approval that counted towards a decision.
 *
 * @param approverId the approver's id in the trust store
 * @param keyId the key id ({@code sha256:} of the SPKI) of the key that verified
 * @param roles the approver's roles that may approve the change's impact, sorted
 * @param issuedAt when the approval was issued
 * @param statementDigest the approval's {@link Approval#statementDigest()}
 * @since 0.2
 */
public record CountedApproval(String approverId, String keyId, Set<String> roles, Instant issuedAt, Digest statementDigest) {

    /** Validates presence and sorts the roles. */
    public CountedApproval {
        Objects.requireNonNull(approverId, "approverId");
        Objects.requireNonNull(keyId, "keyId");
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(statementDigest, "statementDigest");
    }
}
