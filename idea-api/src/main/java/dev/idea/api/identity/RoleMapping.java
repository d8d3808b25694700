package dev.idea.api.identity;

import dev.idea.api.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the claims of a verified token become {@link IdentityRole roles}: an ordered list of
 * {@link RoleGrant grants}, every matching grant adds its role.
 *
 * <p>A token that matches no grant is still a valid identity, with no role; callers decide with
 * {@link Identity#requireRole}. The {@link #defaults()} read the OAuth2 {@code scope} and a
 * {@code roles} claim.
 *
 * @param grants the grants, in order; no two equal
 * @since 0.1
 */
public record RoleMapping(List<RoleGrant> grants) {
    /** Largest number of grants a mapping may hold. */
    public static final int MAX_GRANTS = 256;

    /**
     * Validates and copies the grants.
     *
     * @throws IdentityException with {@code CONFIG_INVALID} for duplicates or more than
     *     {@value #MAX_GRANTS} grants
     */
    public RoleMapping {
        grants = List.copyOf(Objects.requireNonNull(grants, "grants"));
        if (grants.size() > MAX_GRANTS) {
            throw new IdentityException(ErrorCode.CONFIG_INVALID, "a role mapping holds at most " + MAX_GRANTS
                    + " grants, got " + grants.size());
        }
        Set<RoleGrant> seen = new HashSet<>();
        for (RoleGrant grant : grants) {
            if (!seen.add(grant)) {
                throw new IdentityException(ErrorCode.CONFIG_INVALID, "role grant " + grant + " appears twice; remove one");
            }
        }
    }

    /**
     * Returns a mapping of the given grants.
     *
     * @param grants the grants
     * @return the mapping
     */
    public static RoleMapping of(RoleGrant... grants) {
        return new RoleMapping(List.of(grants));
    }

    /**
     * Returns the default mapping: the scopes {@code idea:submit}, {@code idea:approve},
     * {@code idea:audit} and {@code idea:admin}, and the {@code roles} claim values {@code submitter},
     * {@code approver}, {@code auditor} and {@code superadmin}, grant the role of the same meaning.
     *
     * @return the default mapping
     */
    public static RoleMapping defaults() {
        return of(RoleGrant.scope("idea:submit", IdentityRole.SUBMITTER),
                RoleGrant.scope("idea:approve", IdentityRole.APPROVER),
                RoleGrant.scope("idea:audit", IdentityRole.AUDITOR),
                RoleGrant.scope("idea:admin", IdentityRole.SUPERADMIN),
                new RoleGrant("roles", IdentityRole.SUBMITTER.wireName(), IdentityRole.SUBMITTER),
                new RoleGrant("roles", IdentityRole.APPROVER.wireName(), IdentityRole.APPROVER),
                new RoleGrant("roles", IdentityRole.AUDITOR.wireName(), IdentityRole.AUDITOR),
                new RoleGrant("roles", IdentityRole.SUPERADMIN.wireName(), IdentityRole.SUPERADMIN));
    }
}
