package dev.idea.api.identity;

import dev.idea.api.ErrorCode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A role an identity may hold in IDEA's governance: who may submit, approve, audit, or administer.
 *
 * <p>Roles are granted by a {@link RoleMapping} from the claims of a verified token. No role implies
 * another: a {@link #SUPERADMIN} that should also approve needs the {@link #APPROVER} grant too, so
 * that every permission can be read off the mapping.
 *
 * @since 0.1
 */
public enum IdentityRole {
    /** May submit packages for release. */
    SUBMITTER("submitter"),
    /** May approve HIGH and CRITICAL changes. */
    APPROVER("approver"),
    /** May read the audit chain and evidence. */
    AUDITOR("auditor"),
    /** May change governance settings (trust store, policies). */
    SUPERADMIN("superadmin");

    private final String wireName;

    IdentityRole(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the lower-case name used in configuration and documents, e.g. {@code approver}.
     *
     * @return the name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds a role by its {@link #wireName()}.
     *
     * @param name e.g. {@code auditor}
     * @return the role
     * @throws IdentityException with {@code CONFIG_INVALID} naming the roles that exist
     */
    public static IdentityRole fromWireName(String name) {
        for (IdentityRole role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IdentityException(ErrorCode.CONFIG_INVALID, "role \"" + name + "\" is unknown; use one of "
                + Arrays.stream(values()).map(IdentityRole::wireName).collect(Collectors.joining(", ")));
    }
}
