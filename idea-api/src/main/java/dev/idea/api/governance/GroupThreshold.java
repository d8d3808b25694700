package dev.idea.api.governance;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * At least {@code k} of the nested {@code groups} are met: all-of when {@code k} is the number of
 * groups, any-of when it is 1, and {@link ApprovalGroup#NONE} when both are 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param k how many children must be met, 0 to the number of children
 * @param groups the children
 * @since 0.2
 */
public record GroupThreshold(int k, List<ApprovalGroup> groups) implements ApprovalGroup {
    /** Deepest nesting of groups accepted. */
    public static final int MAX_DEPTH = 8;

    /**
     * Validates the fields and copies the children.
     *
     * @throws ConfigurationException with {@link ErrorCode#APPROVAL_POLICY_INVALID} when {@code k}
     *     is out of range, a child is missing or the nesting is deeper than {@link #MAX_DEPTH}
     */
    public GroupThreshold {
        groups = List.copyOf(groups);
        if (k < 0 || k > groups.size() || (k == 0 && !groups.isEmpty())) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, "a group needs " + k + " of "
                    + groups.size() + " nested groups; k must be between 1 and the number of nested groups");
        }
        if (depth(groups) > MAX_DEPTH) {
            throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, "approval groups nest deeper than "
                    + MAX_DEPTH + " levels; flatten the policy");
        }
    }

    private static int depth(List<ApprovalGroup> groups) {
        int max = 0;
        for (ApprovalGroup g : groups) {
            max = Math.max(max, g instanceof GroupThreshold t ? depth(t.groups()) : 0);
        }
        return max + 1;
    }

    @Override
    public boolean isMetBy(List<Set<String>> approverRoles) {
        Objects.requireNonNull(approverRoles, "approverRoles");
        int met = 0;
        for (ApprovalGroup g : groups) {
            if (met >= k) {
                break;
            }
            if (g.isMetBy(approverRoles)) {
                met++;
            }
        }
        return met >= k;
    }

    @Override
    public String describe() {
        if (groups.isEmpty()) {
            return "none";
        }
        String name = k == groups.size() ? "all-of" : k == 1 ? "any-of" : k + "-of";
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < groups.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(groups.get(i).describe());
        }
        return sb.append(')').toString();
    }
}
