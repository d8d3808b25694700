package dev.idea.api.guard;

import dev.idea.api.ErrorCode;

/**
 * A fact about a change that a policy may list under {@code deny_on}.
 *
 * @since 0.2
 */
public enum DenyCondition {
    /** The package carries no SBOM. */
    MISSING_SBOM("missing_sbom"),
    /** The artifact is not signed. */
    UNSIGNED_ARTIFACT("unsigned_artifact"),
    /** Package validation failed. */
    FAILED_VALIDATION("failed_validation"),
    /** A dependency has a known vulnerability. */
    KNOWN_VULNERABILITY("known_vulnerability"),
    /** A secret was found in the package. */
    SECRET_DETECTED("secret_detected");

    private final String wireName;

    DenyCondition(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name used in policy files and audit events, e.g. {@code missing_sbom}.
     *
     * @return the stable name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds a condition by its stable name.
     *
     * @param name e.g. {@code unsigned_artifact}
     * @return the condition
     * @throws GuardException with {@link ErrorCode#GUARD_POLICY_INVALID} for an unknown name
     */
    public static DenyCondition ofWireName(String name) {
        for (DenyCondition c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        StringBuilder known = new StringBuilder();
        for (DenyCondition c : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(c.wireName);
        }
        throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "unknown deny_on condition \"" + name
                + "\"; use one of " + known);
    }
}
