package dev.idea.core.internal.json;

import java.math.BigInteger;

/**
 * Formats doubles as ECMAScript {@code Number::toString} does, which RFC 8785 section 3.2.2.3
 * requires for JSON numbers.
 *
 * <p>Stateless and thread-safe. The digits are the shortest decimal that reads back as the same
 * double and, among those, the closest to it, ties to an even last digit (ECMA-262 section
 * 6.1.6.1.20 step 5 and its note). They are computed with the Schubfach algorithm (R. Giulietti,
 * "The Schubfach way to render doubles", 2020), the method behind {@code Double.toString} since
 * JDK 19; JDK 17's {@code Double.toString} is not shortest and not the ECMAScript layout. The
 * 126-bit powers of ten are computed exactly with {@link BigInteger} when the class loads.
 */
final class EcmaNumberFormat {
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0; // 2^53
    private static final int P = 53; // precision of double, in bits
    private static final int Q_MIN = -1074; // exponent of the least subnormal, 2^-1074
    private static final long C_MIN = 1L << (P - 1); // smallest normal significand
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];

    static {
        // g(k) = floor(10^-k * 2^(125 - flog2pow10(-k))) + 1, so that 2^125 <= g < 2^126.
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e2 = 125 - flog2pow10(-k);
            BigInteger num = BigInteger.ONE.shiftLeft(Math.max(e2, 0)).multiply(BigInteger.TEN.pow(Math.max(-k, 0)));
            BigInteger den = BigInteger.ONE.shiftLeft(Math.max(-e2, 0)).multiply(BigInteger.TEN.pow(Math.max(k, 0)));
            BigInteger g = num.divide(den).add(BigInteger.ONE);
            G1[k - K_MIN] = g.shiftRight(63).longValueExact();
            G0[k - K_MIN] = g.longValue() & MASK_63;
        }
    }

    private EcmaNumberFormat() {
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
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> (P - 1)) & 0x7FF;
        // Subnormals need no special case: unlike Double.toString, ECMAScript allows one digit (5e-324).
        return bq != 0 ? shortest(v < 0, Q_MIN - 1 + bq, C_MIN | t) : shortest(v < 0, Q_MIN, t);
    }

    /** Returns the text of the shortest, then closest, decimal of (-1)^negative * c * 2^q. */
    private static String shortest(boolean negative, int q, long c) {
        int out = (int) c & 1; // an even significand's rounding interval includes its bounds
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN | q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1; // at a power of two the gap below is half the gap above
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        long g1 = G1[k - K_MIN];
        long g0 = G0[k - K_MIN];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);

        long s = vb >> 2;
        // The interval is narrower than 10^(k+1): at most one shorter candidate, a multiple of 10^(k+1).
        // Double.toString tests s >= 100 to keep two digits; ECMAScript allows one (5e-323).
        if (s >= 10) {
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4); // 10 * floor(s / 10)
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return layout(negative, upin ? sp10 : tp10, k);
            }
        }
        long up = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (up << 2) + out <= vbr;
        if (uin != win) {
            return layout(negative, uin ? s : up, k);
        }
        long cmp = vb - (s + up << 1);
        return layout(negative, cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : up, k);
    }

    /** Computes round-to-odd of cp * g * 2^-127 where g = g1 * 2^63 + g0. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** floor(q * log10(2)), exact for |q| &lt;= 5456721. */
    static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^q)), exact for |q| &lt;= 2^16. */
    static int flog10threeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** floor(e * log2(10)), exact for |e| &lt;= 1838394. */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** Lays out f * 10^e as ECMA-262 Number::toString steps 6 to 10, with digits d1..dk of f and n = k + e. */
    private static String layout(boolean negative, long f, int e) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        String digits = Long.toString(f);
        int k = digits.length();
        int n = k + e;
        StringBuilder sb = new StringBuilder(k + 8);
        if (negative) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return sb.toString();
    }
}
