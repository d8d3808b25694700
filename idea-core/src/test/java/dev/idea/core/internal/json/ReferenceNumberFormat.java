package dev.idea.core.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Slow, obviously-correct reference for {@link EcmaNumberFormat}: ECMAScript {@code Number::toString}
 * computed with exact {@link BigDecimal} arithmetic, used by the tests as an oracle.
 *
 * <p>Stateless and thread-safe. The digits are the shortest decimal that reads back as the same
 * double and, among those, the closest to it (ECMA-262 section 6.1.6.1.20, steps 5 and the note on
 * the closest choice). Integral values below 2^53 take an exact fast path; other values are
 * searched with exact {@link BigDecimal} arithmetic, using JDK 17's {@link Double#toString} (which
 * always reads back exactly but is sometimes a digit longer, or not the closest) as the starting
 * length.
 */
final class ReferenceNumberFormat {
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0; // 2^53
    private static final int MAX_DIGITS = 17; // every double is identified by 17 significant digits
    private static final MathContext[] FLOOR = new MathContext[MAX_DIGITS + 1];
    private static final MathContext[] CEILING = new MathContext[MAX_DIGITS + 1];

    static {
        for (int p = 1; p <= MAX_DIGITS; p++) {
            FLOOR[p] = new MathContext(p, RoundingMode.FLOOR);
            CEILING[p] = new MathContext(p, RoundingMode.CEILING);
        }
    }

    private ReferenceNumberFormat() {
    }

    /**
     * Returns the ECMAScript text of a finite double, e.g. {@code 0}, {@code 1e+21}, {@code 5e-324}.
     *
     * @throws IllegalArgumentException if {@code v} is NaN or infinite
     */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot format " + v + " as a JSON number; JSON has no NaN or Infinity");
        }
        if (v == 0) {
            return "0"; // also -0
        }
        if (v == (long) v && Math.abs(v) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) v);
        }
        BigDecimal shortest = shortest(Math.abs(v));
        String digits = shortest.unscaledValue().toString();
        return layout(v < 0, digits, digits.length() - shortest.scale());
    }

    /** Returns the shortest, then closest, decimal that reads back as {@code a} (positive, finite). */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        BigDecimal best = null;
        int p = Math.min(significantDigits(Double.toString(a)), MAX_DIGITS); // JDK 17 may print 18 digits
        for (; best == null && p <= MAX_DIGITS; p++) {
            best = closestReadingBack(exact, a, p);
        }
        // A p-digit decimal that reads back is also a (p+1)-digit one, so stop at the first failure.
        for (p -= 2; p >= 1; p--) {
            BigDecimal shorter = closestReadingBack(exact, a, p);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        if (best == null) {
            throw new IllegalStateException("no decimal of up to 17 digits reads back as " + a);
        }
        return best.stripTrailingZeros();
    }

    /**
     * Returns the p-digit decimal closest to {@code exact} that reads back as {@code a}, or null. Only
     * the neighbours below and above can qualify: the doubles' rounding interval is convex.
     */
    private static BigDecimal closestReadingBack(BigDecimal exact, double a, int p) {
        BigDecimal below = exact.round(FLOOR[p]);
        BigDecimal above = exact.round(CEILING[p]);
        boolean belowOk = below.doubleValue() == a;
        boolean aboveOk = above.doubleValue() == a;
        if (belowOk && aboveOk) {
            int cmp = exact.subtract(below).compareTo(above.subtract(exact));
            if (cmp == 0) {
                return below.unscaledValue().testBit(0) ? above : below; // tie: the even digit string
            }
            return cmp < 0 ? below : above;
        }
        return belowOk ? below : aboveOk ? above : null;
    }

    /** Counts the significant digits of a JDK {@code Double.toString} result such as {@code 1.25E-5}. */
    private static int significantDigits(String jdk) {
        int end = jdk.indexOf('E');
        if (end < 0) {
            end = jdk.length();
        }
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < end; i++) {
            char c = jdk.charAt(i);
            if (c >= '0' && c <= '9') {
                if (first < 0 && c != '0') {
                    first = count;
                }
                if (c != '0') {
                    last = count;
                }
                count++;
            }
        }
        return first < 0 ? 1 : last - first + 1;
    }

    /** Lays out digits d1..dk with value 0.d1..dk x 10^n as ECMA-262 Number::toString steps 6 to 10. */
    private static String layout(boolean negative, String digits, int n) {
        int k = digits.length();
        StringBuilder sb = new StringBuilder(k + 8);
        if (negative) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits);
            sb.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }
}
