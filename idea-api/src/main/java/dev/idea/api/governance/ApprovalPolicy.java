package dev.idea.api.governance;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.Impact;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which approvals a change needs, by impact tier, and which roles may approve which tiers.
 *
 * <p>The file form is the {@code rbac} section of an {@code orchestrator.policy.yaml} (or its JSON
 * equivalent), described in {@code docs/governance.md}. {@link #defaults()} is the built-in policy:
 * LOW and MEDIUM need nothing, HIGH needs 3 distinct approvers, CRITICAL needs 3 including at least
 * one {@code security_officer}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param required the requirement of each impact tier; tiers left out need nothing
 * @param roles each role and the impact tiers its holders may approve
 * @since 0.2
 */
public record ApprovalPolicy(Map<Impact, ApprovalGroup> required, Map<String, Set<Impact>> roles) {
    /**
     * Property naming the policy file an instance loads at {@code build()} (YAML when it ends in
     * {@code .yaml} or {@code .yml}, JSON otherwise; its {@code rbac} section). Needs
     * {@link TrustStore#PROPERTY}; when only the trust store is configured, {@link #defaults()} applies.
     *
     * @since 0.2
     */
    public static final String PROPERTY = "idea.governance.policy";
    /** Role of ordinary approvers in the default policy. */
    public static final String APPROVER = "approver";
    /** Role of security officers in the default policy. */
    public static final String SECURITY_OFFICER = "security_officer";

    /**
     * Validates the policy and copies it, filling tiers left out with {@link ApprovalGroup#NONE}.
     *
     * @throws ConfigurationException with {@link ErrorCode#APPROVAL_POLICY_INVALID} for a bad role
     *     name, or a requirement that names a role which may not approve that tier (it could never
     *     be met)
     */
    public ApprovalPolicy {
        Objects.requireNonNull(required, "required");
        Objects.requireNonNull(roles, "roles");
        SortedMap<String, Set<Impact>> grants = new TreeMap<>();
        roles.forEach((role, impacts) -> {
            GovernanceChecks.roles(List.of(role), "policy roles", ErrorCode.APPROVAL_POLICY_INVALID);
            Set<Impact> copy = EnumSet.noneOf(Impact.class);
            copy.addAll(Objects.requireNonNull(impacts, "impacts of role " + role));
            grants.put(role, Collections.unmodifiableSet(copy));
        });
        Map<Impact, ApprovalGroup> tiers = new EnumMap<>(Impact.class);
        for (Impact impact : Impact.values()) {
            ApprovalGroup group = required.getOrDefault(impact, ApprovalGroup.NONE);
            checkRoles(impact, group, grants);
            tiers.put(impact, group);
        }
        required = Collections.unmodifiableMap(tiers);
        roles = Collections.unmodifiableSortedMap(grants);
    }

    private static void checkRoles(Impact impact, ApprovalGroup group, Map<String, Set<Impact>> grants) {
        if (group instanceof RoleQuorum q) {
            for (String role : q.roles()) {
                Set<Impact> granted = grants.get(role);
                if (granted == null || !granted.contains(impact)) {
                    throw new ConfigurationException(ErrorCode.APPROVAL_POLICY_INVALID, "the " + impact
                            + " requirement counts role \"" + role + "\", but that role may not approve " + impact
                            + " changes; add " + impact + " to the role's approvable impacts or remove it from the requirement");
                }
            }
        } else if (group instanceof GroupThreshold t) {
            t.groups().forEach(g -> checkRoles(impact, g, grants));
        }
    }

    /**
     * Returns the built-in policy: LOW and MEDIUM need nothing; HIGH needs 3 distinct holders of
     * {@value #APPROVER} or {@value #SECURITY_OFFICER}; CRITICAL needs the same and at least one
     * {@value #SECURITY_OFFICER} among them. Both roles may approve HIGH and CRITICAL.
     *
     * @return the default policy
     */
    public static ApprovalPolicy defaults() {
        Set<String> both = Set.of(APPROVER, SECURITY_OFFICER);
        ApprovalGroup three = ApprovalGroup.atLeast(3, both);
        Set<Impact> high = EnumSet.of(Impact.HIGH, Impact.CRITICAL);
        return new ApprovalPolicy(
                Map.of(Impact.HIGH, three,
                        Impact.CRITICAL, ApprovalGroup.allOf(List.of(three, ApprovalGroup.atLeast(1, Set.of(SECURITY_OFFICER))))),
                Map.of(APPROVER, high, SECURITY_OFFICER, high));
    }

    /**
     * Returns the requirement for an impact tier.
     *
     * @param impact the tier
     * @return its group, {@link ApprovalGroup#NONE} when it needs nothing
     */
    public ApprovalGroup requirement(Impact impact) {
        return required.get(Objects.requireNonNull(impact, "impact"));
    }

    /**
     * Tells whether holding these roles allows approving changes of this tier.
     *
     * @param held the roles a signer holds
     * @param impact the tier
     * @return whether one of the roles may approve the tier
     */
    public boolean mayApprove(Set<String> held, Impact impact) {
        for (String role : held) {
            Set<Impact> granted = roles.get(role);
            if (granted != null && granted.contains(impact)) {
                return true;
            }
        }
        return false;
    }
}
