package dev.idea.api.identity;

import dev.idea.api.ErrorCode;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who a verified access token stands for: its subject and issuer, the roles its claims were mapped
 * to, the subset of claims kept by {@link OidcOptions#keptClaims()}, and when the token expires.
 *
 * <p>Immutable. {@link #roles()} iterates in the enum's declaration order and {@link #claims()} in
 * claim-name order, so an identity renders the same way every time.
 *
 * @param subject the {@code sub} claim
 * @param issuer the {@code iss} claim
 * @param roles the roles granted
 * @param claims the kept claims, each rendered as a string (arrays joined by single spaces)
 * @param expiresAt the {@code exp} claim
 * @since 0.1
 */
public record Identity(String subject, String issuer, Set<IdentityRole> roles, Map<String, String> claims, Instant expiresAt) {

    /**
     * Validates and copies the members.
     *
     * @throws IdentityException with {@code CONFIG_INVALID} for an empty subject or issuer
     */
    public Identity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (subject.isEmpty() || issuer.isEmpty()) {
            throw new IdentityException(ErrorCode.CONFIG_INVALID, "an identity needs a non-empty subject and issuer, got sub=\""
                    + subject + "\" iss=\"" + issuer + "\"");
        }
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(IdentityRole.class) : EnumSet.copyOf(roles));
        SortedMap<String, String> sorted = new TreeMap<>();
        claims.forEach((name, value) -> sorted.put(Objects.requireNonNull(name, "claim name"),
                Objects.requireNonNull(value, "claim value")));
        claims = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * Tells whether this identity holds a role.
     *
     * @param role the role
     * @return whether it was granted
     */
    public boolean hasRole(IdentityRole role) {
        return roles.contains(Objects.requireNonNull(role, "role"));
    }

    /**
     * Checks that this identity holds a role.
     *
     * @param role the role needed
     * @return this identity
     * @throws IdentityException with {@code IDENTITY_ROLE_MISSING} naming the subject, the role and
     *     the roles held
     */
    public Identity requireRole(IdentityRole role) {
        if (!hasRole(role)) {
            throw new IdentityException(ErrorCode.IDENTITY_ROLE_MISSING, "subject " + subject + " of issuer " + issuer
                    + " lacks the role " + role.wireName() + " (holds " + roles.stream().map(IdentityRole::wireName).toList()
                    + "); grant it through the role mapping (scope or roles claim) at the identity provider");
        }
        return this;
    }
}
