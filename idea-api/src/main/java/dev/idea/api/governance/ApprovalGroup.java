package dev.idea.api.governance;

import java.util.List;
import java.util.Set;

/**
 * A requirement over the approvers that were counted: either a quorum of approvers holding some
 * roles ({@link RoleQuorum}) or a k-of-n combination of nested groups ({@link GroupThreshold}).
 *
 * <p>Groups are evaluated independently over the same set of counted approvers, so one approver
 * may satisfy several groups: {@code all-of(3 of [approver, security_officer], 1 of [security_officer])}
 * reads "three approvers, at least one of whom is a security officer". Implementations are immutable
 * records.
 *
 * @since 0.2
 */
public sealed interface ApprovalGroup permits RoleQuorum, GroupThreshold {

    /** The requirement that is always met (impact tiers that need no approval). */
    ApprovalGroup NONE = new GroupThreshold(0, List.of());

    /**
     * Tells whether the approvers meet this group.
     *
     * @param approverRoles the roles of each counted approver, one set per distinct approver
     * @return whether the requirement holds
     */
    boolean isMetBy(List<Set<String>> approverRoles);

    /**
     * Returns a short human-readable form, e.g. {@code all-of(3 of [approver, security_officer], 1 of [security_officer])}.
     *
     * @return the description
     */
    String describe();

    /**
     * Returns {@code k} distinct approvers holding at least one of the roles.
     *
     * @param k how many
     * @param roles the roles
     * @return the group
     */
    static ApprovalGroup atLeast(int k, Set<String> roles) {
        return new RoleQuorum(k, roles);
    }

    /**
     * Returns the group met when every child is met.
     *
     * @param groups the children
     * @return the group
     */
    static ApprovalGroup allOf(List<ApprovalGroup> groups) {
        return new GroupThreshold(groups.size(), groups);
    }

    /**
     * Returns the group met when at least one child is met.
     *
     * @param groups the children, at least one
     * @return the group
     */
    static ApprovalGroup anyOf(List<ApprovalGroup> groups) {
        return new GroupThreshold(1, groups);
    }

    /**
     * Returns the group met when at least {@code k} children are met.
     *
     * @param k how many children
     * @param groups the children
     * @return the group
     */
    static ApprovalGroup kOf(int k, List<ApprovalGroup> groups) {
        return new GroupThreshold(k, groups);
    }
}
