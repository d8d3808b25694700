package dev.idea.core.identity;

import dev.idea.api.identity.IdentityRole;
import dev.idea.api.identity.RoleGrant;
import dev.idea.api.identity.RoleMapping;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link RoleMapping} to verified claims: each grant whose claim holds its value adds its
 * role.
 *
 * <p>Immutable and thread-safe.
 */
final class RoleResolver {
    private final List<Grant> grants;

    /** A grant with its claim path split once. */
    private record Grant(String[] path, String value, IdentityRole role, boolean spaceDelimited) {
    }

    RoleResolver(RoleMapping mapping) {
        this.grants = mapping.grants().stream().map(RoleResolver::compile).toList();
    }

    private static Grant compile(RoleGrant grant) {
        boolean words = grant.claim().equals("scope") || grant.claim().equals("scp");
        return new Grant(grant.claim().split("\\."), grant.value(), grant.role(), words);
    }

    Set<IdentityRole> roles(Map<String, Object> claims) {
        Set<IdentityRole> roles = EnumSet.noneOf(IdentityRole.class);
        for (Grant grant : grants) {
            if (!roles.contains(grant.role()) && holds(find(claims, grant.path()), grant)) {
                roles.add(grant.role());
            }
        }
        return roles;
    }

    private static Object find(Map<String, Object> claims, String[] path) {
        Object value = claims;
        for (String name : path) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(name);
        }
        return value;
    }

    private static boolean holds(Object value, Grant grant) {
        if (value instanceof String text) {
            if (!grant.spaceDelimited()) {
                return text.equals(grant.value());
            }
            for (String word : text.split(" ")) {
                if (word.equals(grant.value())) {
                    return true;
                }
            }
            return false;
        }
        return value instanceof List<?> list && list.contains(grant.value());
    }
}
