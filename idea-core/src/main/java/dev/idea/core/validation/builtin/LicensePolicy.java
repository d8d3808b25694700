package dev.idea.core.validation.builtin;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Allow and deny lists of SPDX identifiers, and how an expression fares against them.
 *
 * <p>A single license is {@link Verdict#DENIED} when the deny list names it (with or without its
 * {@code +}) or its exception; {@link Verdict#ALLOWED} when the allow list is empty or names it
 * ({@code GPL-2.0} allows {@code GPL-2.0+}, since the licensee may choose 2.0; {@code X WITH E} is
 * allowed by {@code X} or by {@code X WITH E}); otherwise {@link Verdict#NOT_LISTED}. {@code OR}
 * takes the better verdict of its operands (the licensee chooses), {@code AND} the worse (both
 * apply). Identifiers compare case-insensitively, as annex D.2 says. Immutable and thread-safe.
 */
final class LicensePolicy {
    /** How an expression fares, from worst to best. */
    enum Verdict {
        /** A license in the expression is denied and no alternative avoids it. */
        DENIED,
        /** A license is on neither list and no alternative is allowed. */
        NOT_LISTED,
        /** Acceptable. */
        ALLOWED
    }

    private final Set<String> allow;
    private final Set<String> deny;

    LicensePolicy(Collection<String> allow, Collection<String> deny) {
        this.allow = normalize(allow);
        this.deny = normalize(deny);
    }

    private static Set<String> normalize(Collection<String> ids) {
        Set<String> out = new TreeSet<>();
        ids.forEach(id -> out.add(id.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
        return out;
    }

    Verdict evaluate(SpdxExpression e) {
        if (e instanceof SpdxExpression.Or or) {
            Verdict l = evaluate(or.left());
            Verdict r = evaluate(or.right());
            return l.compareTo(r) >= 0 ? l : r;
        }
        if (e instanceof SpdxExpression.And and) {
            Verdict l = evaluate(and.left());
            Verdict r = evaluate(and.right());
            return l.compareTo(r) <= 0 ? l : r;
        }
        if (e instanceof SpdxExpression.With with) {
            String id = with.license().id().toLowerCase(Locale.ROOT);
            String exception = with.exception().toLowerCase(Locale.ROOT);
            if (deny.contains(exception) || deny.contains(id) || deny.contains(with.toString().toLowerCase(Locale.ROOT))) {
                return Verdict.DENIED;
            }
            return allow.isEmpty() || allow.contains(id) || allow.contains(with.license().toString().toLowerCase(Locale.ROOT))
                    || allow.contains(with.toString().toLowerCase(Locale.ROOT)) ? Verdict.ALLOWED : Verdict.NOT_LISTED;
        }
        SpdxExpression.License license = (SpdxExpression.License) e;
        String id = license.id().toLowerCase(Locale.ROOT);
        String written = license.toString().toLowerCase(Locale.ROOT);
        if (deny.contains(id) || deny.contains(written)) {
            return Verdict.DENIED;
        }
        return allow.isEmpty() || allow.contains(id) || allow.contains(written) ? Verdict.ALLOWED : Verdict.NOT_LISTED;
    }
}
