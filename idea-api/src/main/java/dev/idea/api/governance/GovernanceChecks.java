package dev.idea.api.governance;

import dev.idea.api.ApprovalException;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Static checks shared by the governance records. */
final class GovernanceChecks {
    /** Signer and approver ids: 1-128 of letters, digits and {@code . _ : @ -}. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    /** Role names: 1-64 of lowercase letters, digits, {@code _ . -}, starting with a letter. */
    static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private GovernanceChecks() {
    }

    static String id(String value, String field, ErrorCode code) {
        if (value == null || !ID.matcher(value).matches()) {
            throw failure(code, field + " " + quote(value) + " is not a valid id; use 1 to 128 letters, digits or . _ : @ -");
        }
        return value;
    }

    static SortedSet<String> roles(Collection<String> roles, String field, ErrorCode code) {
        if (roles == null) {
            throw new ConfigurationException(code, field + " is missing; give a list of role names (it may be empty)");
        }
        SortedSet<String> sorted = new TreeSet<>();
        for (String role : roles) {
            if (role == null || !ROLE.matcher(role).matches()) {
                throw new ConfigurationException(code, field + " holds role " + quote(role)
                        + ", which is not a valid role name; use 1 to 64 of a-z 0-9 _ . - starting with a letter");
            }
            if (!sorted.add(role)) {
                throw new ConfigurationException(code, field + " lists role \"" + role + "\" twice; list it once");
            }
        }
        return sorted;
    }

    /** Approval content errors are approval failures; trust store and policy errors are configuration. */
    static IdeaException failure(ErrorCode code, String message) {
        return code == ErrorCode.APPROVAL_INVALID ? new ApprovalException(code, message) : new ConfigurationException(code, message);
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + (value.length() <= 40 ? value : value.substring(0, 37) + "…") + "\"";
    }
}
