package dev.idea.api.governance;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * At least {@code atLeast} distinct counted approvers who each hold one or more of {@code roles}.
 *
 * <p>Immutable and thread-safe; roles are kept sorted.
 *
 * @param atLeast how many distinct approvers, 1 or more
 * @param roles the qualifying roles, at least one
 * @since 0.2
 */
public record RoleQuorum(int atLeast, Set<String> roles) implements ApprovalGroup {

    /**
     * Validates the fields.
     *
     * @throws ConfigurationException with {@link ErrorCode#APPROVAL_POLICY_INVALID} for a count
     *     below 1, no roles or a bad role name
     */
    public RoleQuorum {
        if (atLeast < 1) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, "a role quorum needs at least 1 approver, got "
                    + atLeast + "; use ApprovalGroup.NONE (\"none\") for no requirement");
        }
        roles = Collections.unmodifiableSortedSet(GovernanceChecks.roles(roles, "quorum roles", ErrorCode.APPROVAL_POLICY_INVALID));
        if (roles.isEmpty()) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, "a role quorum of " + atLeast
                    + " names no role; list the roles whose holders count");
        }
    }

    @Override
    public boolean isMetBy(List<Set<String>> approverRoles) {
        Objects.requireNonNull(approverRoles, "approverRoles");
        int count = 0;
        for (Set<String> held : approverRoles) {
            if (!Collections.disjoint(held, roles) && ++count >= atLeast) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return atLeast + " of " + roles;
    }
}
