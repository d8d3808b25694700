package dev.idea.api.identity;

import dev.idea.api.ErrorCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of a {@link RoleMapping}: a token whose claim holds a value is granted a role.
 *
 * <p>The claim is named by a path of member names separated by dots ({@code realm_access.roles}
 * reaches into nested objects). It matches when the claim is a string equal to the value, an array
 * holding the value as one of its strings, or, for the space-delimited claims {@code scope} and
 * {@code scp} (RFC 9068 section 2.2.3), a string holding the value as one of its words.
 *
 * @param claim the claim path, e.g. {@code scope} or {@code realm_access.roles}
 * @param value the value that grants the role, e.g. {@code idea:approve}
 * @param role the role granted
 * @since 0.1
 */
public record RoleGrant(String claim, String value, IdentityRole role) {
    private static final Pattern PATH = Pattern.compile("[^.\\s]{1,128}(\\.[^.\\s]{1,128}){0,7}");

    /**
     * Validates the grant.
     *
     * @throws IdentityException with {@code CONFIG_INVALID} for an empty or malformed claim path or an
     *     empty value
     */
    public RoleGrant {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(role, "role");
        if (!PATH.matcher(claim).matches()) {
            throw new IdentityException(ErrorCode.CONFIG_INVALID, "role grant claim path \"" + claim
                    + "\" is invalid; use 1 to 8 member names of 1-128 characters without spaces, separated by dots");
        }
        if (value.isEmpty() || value.length() > 1024) {
            throw new IdentityException(ErrorCode.CONFIG_INVALID, "role grant value for claim " + claim
                    + " must have 1 to 1024 characters, got " + value.length());
        }
    }

    /**
     * Creates a grant from a scope value: {@code scope} holding the word grants the role.
     *
     * @param scope e.g. {@code idea:approve}
     * @param role the role granted
     * @return the grant
     */
    public static RoleGrant scope(String scope, IdentityRole role) {
        return new RoleGrant("scope", scope, role);
    }
}
