package dev.idea.core.validation.builtin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of versions written as alternatives of comma-joined constraints, e.g.
 * {@code >=2.0.0, <2.15.0 | =2.16.0} or {@code *}.
 *
 * <p>A constraint is an operator ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >},
 * {@code >=}; none means {@code =}) and a version. Commas join constraints that must all hold,
 * {@code |} joins alternatives of which one must hold. Versions compare by {@link #compare}.
 *
 * @param alternatives each alternative's constraints
 */
record VersionRange(List<List<Constraint>> alternatives) {

    VersionRange {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /**
     * One comparison.
     *
     * @param operator one of = != &lt; &lt;= &gt; &gt;=
     * @param version the version compared with
     */
    record Constraint(String operator, String version) {
        Constraint {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(version, "version");
        }

        boolean test(String candidate) {
            int c = compare(candidate, version);
            return switch (operator) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(operator);
            };
        }

        @Override
        public String toString() {
            return operator + version;
        }
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException naming the bad constraint
     */
    static VersionRange parse(String text) {
        List<List<Constraint>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|", -1)) {
            List<Constraint> all = new ArrayList<>();
            for (String part : alternative.split(",", -1)) {
                String p = part.strip();
                if (p.equals("*")) {
                    continue;
                }
                String op = p.startsWith(">=") || p.startsWith("<=") || p.startsWith("!=") ? p.substring(0, 2)
                        : p.startsWith(">") || p.startsWith("<") || p.startsWith("=") ? p.substring(0, 1) : "";
                String version = p.substring(op.length()).strip();
                if (version.isEmpty() || version.contains(" ") || "<>=!".indexOf(version.charAt(0)) >= 0) {
                    throw new IllegalArgumentException("version constraint \"" + Redaction.abbreviate(p)
                            + "\" is not an operator (=, !=, <, <=, >, >=) followed by a version");
                }
                all.add(new Constraint(op.isEmpty() ? "=" : op, version));
            }
            alternatives.add(all);
        }
        return new VersionRange(alternatives);
    }

    boolean contains(String version) {
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(c -> c.test(version)));
    }

    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        for (List<Constraint> all : alternatives) {
            out.add(all.isEmpty() ? "*" : String.join(", ", all.stream().map(Constraint::toString).toList()));
        }
        return String.join(" | ", out);
    }

    /**
     * Compares two versions in a generic, semver-compatible order.
     *
     * <p>A leading {@code v} and build metadata after {@code +} are ignored. The release part (before
     * the first {@code -}) is compared dot segment by dot segment, a missing segment counting as 0;
     * numeric segments compare as numbers, other segments as text, a numeric segment sorting before
     * a textual one. A version with a pre-release part (after the first {@code -}) sorts before the
     * same release without one, and pre-release parts compare segment by segment likewise, a shorter
     * one first. This matches SemVer 2.0 and most Maven / npm / PyPI release versions; it is not each
     * ecosystem's exact order (e.g. Maven's {@code -SNAPSHOT} or PEP 440 {@code .dev} rules).
     */
    static int compare(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        int c = segments(x[0].split("\\."), y[0].split("\\."), true);
        if (c != 0) {
            return c;
        }
        if (x[1] == null || y[1] == null) {
            return x[1] == null ? (y[1] == null ? 0 : 1) : -1;
        }
        return segments(x[1].split("[.-]"), y[1].split("[.-]"), false);
    }

    private static String[] split(String v) {
        String s = v.strip();
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        int dash = s.indexOf('-');
        return dash < 0 ? new String[] {s, null} : new String[] {s.substring(0, dash), s.substring(dash + 1)};
    }

    private static int segments(String[] x, String[] y, boolean padWithZero) {
        int n = Math.max(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!padWithZero && (i >= x.length || i >= y.length)) {
                return Integer.compare(x.length, y.length);
            }
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = segment(p, q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int segment(String p, String q) {
        boolean pn = !p.isEmpty() && p.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean qn = !q.isEmpty() && q.chars().allMatch(c -> c >= '0' && c <= '9');
        if (pn && qn) {
            return new BigInteger(p).compareTo(new BigInteger(q));
        }
        if (pn != qn) {
            return pn ? -1 : 1;
        }
        return p.compareTo(q);
    }
}
