package dev.idea.api.rules;

import dev.idea.api.ErrorCode;
import java.util.regex.Pattern;

/** Checks of the identifiers and numbers used by rule policies. */
final class RuleIds {
    /** Rule and predicate ids: a lowercase letter, then lowercase letters, digits and '_'. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Policy ids: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static final Pattern POLICY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Largest cost a rule may have, so that sums over many rules stay exact enough and finite. */
    static final double MAX_COST = 1e9;

    private RuleIds() {
    }

    static String requireName(String id, String what) {
        if (!isName(id)) {
            throw new RuleException(ErrorCode.RULE_POLICY_INVALID, what + " \"" + id
                    + "\" is invalid; use 1-64 characters of a-z, 0-9 and '_', starting with a letter");
        }
        return id;
    }

    /** The same test as {@link #NAME}, without a regex: plans validate thousands of ids per call. */
    static boolean isName(String id) {
        if (id == null || id.isEmpty() || id.length() > 64 || id.charAt(0) < 'a' || id.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String requirePolicyId(String id) {
        if (id == null || !POLICY.matcher(id).matches()) {
            throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "policy id \"" + id
                    + "\" is invalid; use 1-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        return id;
    }

    static double requireCost(double cost, String what, ErrorCode code) {
        if (!(cost >= 0 && cost <= MAX_COST)) {
            throw new RuleException(code, what + " has cost " + cost
                    + "; a cost must be a finite number between 0 and " + (long) MAX_COST);
        }
        return cost == 0.0 ? 0.0 : cost; // folds -0.0 into 0.0
    }
}
