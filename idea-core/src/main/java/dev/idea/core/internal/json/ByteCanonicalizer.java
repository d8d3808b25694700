package dev.idea.core.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link Json#canonicalize}: an RFC 8259 scanner that writes the RFC 8785 form
 * straight from the UTF-8 bytes, copying plain strings and member names as they are instead of
 * decoding and re-encoding them.
 *
 * <p>One instance per document; not thread-safe. It only ever <em>accepts</em>: anything it cannot
 * prove well-formed UTF-8 and JSON within the {@link JsonLimits} (a syntax error, a malformed UTF-8
 * sequence, a duplicate name, a lone surrogate, NaN or an overflowing number, too deep or too long)
 * makes it decline, and {@link JsonCanonicalizer} then reads the document again and either
 * canonicalizes it or refuses it with its typed error. Refusals therefore come from one place, and on
 * what this class accepts its output is byte-identical to {@link JsonCanonicalizer}'s. Bytes of 0x80
 * and above are legal only inside strings, where each sequence is checked as {@link Utf8Support}
 * checks it; the caller checks the envelope ({@link JsonReader#checkEnvelope}).
 *
 * <p>Members are sorted by their names' UTF-8 bytes in UTF-16 code unit order ({@link
 * MemberSupport#compareUtf8}): a plain name is compared where it stands in the input, a name with
 * escapes by its decoded bytes, kept aside.
 */
final class ByteCanonicalizer {
    private static final int DECLINE = -1;
    /** Exactly representable powers of ten, for numbers that are exact in one IEEE operation. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /** The high bit of each byte of a {@link MemberSupport#prefix}: where one is set, the bytes alone do not give UTF-16 order. */
    private static final long ASCII_PREFIX_MASK = 0x8080808080808080L;
    private static final long MAX_EXACT_SIGNIFICAND = 999_999_999_999_999L; // 15 digits, below 2^53
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private final byte[] in;
    private final int n;
    private final int maxDepth;
    private final int maxStringLength;
    private final JsonWriter out;
    private int depth;
    private int[] nameFrom = new int[32];
    private int[] nameTo = new int[32];
    private int[] memberFrom = new int[32];
    private int[] memberTo = new int[32];
    private int[] order = new int[32];
    /** The first eight bytes of each name ({@link MemberSupport#prefix}), which settle most comparisons. */
    private long[] nameKey = new long[32];
    private int top;
    /** The decoded UTF-8 of names with escapes; such a name's {@code nameFrom}/{@code nameTo} are complemented offsets here. */
    private byte[] decodedNames;
    private int decodedLength;
    private final MemberSupport.MemberOrder byName = this::compareNames;

    private ByteCanonicalizer(byte[] in, JsonLimits limits, JsonWriter out) {
        this.in = in;
        this.n = in.length;
        this.maxDepth = limits.maxDepth();
        this.maxStringLength = limits.maxStringLength();
        this.out = out;
    }

    /**
     * Writes the canonical form of {@code utf8} into {@code out}.
     *
     * @return whether the document was canonicalized; false when it declined, leaving {@code out}
     *     with partial content to be discarded
     */
    static boolean canonicalize(byte[] utf8, JsonLimits limits, JsonWriter out) {
        ByteCanonicalizer c = new ByteCanonicalizer(utf8, limits, out);
        int end = c.value(c.skip(0));
        return end != DECLINE && c.skip(end) == c.n;
    }

    /** Returns the index of the first byte at or after {@code i} that is not JSON whitespace. */
    private int skip(int i) {
        while (i < n) {
            byte b = in[i];
            if (b == ' ') {
                i = Utf8Support.spacesEnd(in, i + 1, n); // indentation comes in runs
            } else if (b == '\n' || b == '\r' || b == '\t') {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** Writes the value starting at {@code i}; returns the index after it, or {@link #DECLINE}. */
    private int value(int i) {
        if (i >= n) {
            return DECLINE;
        }
        return switch (in[i]) {
            case '{' -> object(i + 1);
            case '[' -> array(i + 1);
            case '"' -> string(i + 1);
            case 't' -> literal(i, TRUE);
            case 'f' -> literal(i, FALSE);
            case 'n' -> literal(i, NULL);
            default -> number(i);
        };
    }

    private int literal(int i, byte[] word) {
        if (i + word.length > n || !Arrays.equals(in, i, i + word.length, word, 0, word.length)) {
            return DECLINE;
        }
        out.append(word, 0, word.length);
        return i + word.length;
    }

    private int array(int i) {
        if (++depth > maxDepth) {
            return DECLINE;
        }
        out.raw('[');
        i = skip(i);
        if (i < n && in[i] == ']') {
            return close(']', i);
        }
        while (true) {
            i = value(i);
            i = i == DECLINE ? DECLINE : skip(i);
            if (i == DECLINE || i == n) {
                return DECLINE;
            }
            if (in[i] == ']') {
                return close(']', i);
            }
            if (in[i] != ',') {
                return DECLINE;
            }
            out.raw(',');
            i = skip(i + 1);
        }
    }

    private int close(char bracket, int i) {
        out.raw(bracket);
        depth--;
        return i + 1;
    }

    private int object(int i) {
        if (++depth > maxDepth) {
            return DECLINE;
        }
        out.raw('{');
        i = skip(i);
        if (i < n && in[i] == '}') {
            return close('}', i);
        }
        int base = top;
        boolean sorted = true;
        while (true) {
            if (top > base) {
                out.raw(',');
            }
            int start = out.position();
            i = i < n && in[i] == '"' ? name(i + 1) : DECLINE;
            i = i == DECLINE ? DECLINE : skip(i);
            if (i == DECLINE || i == n || in[i] != ':') {
                return DECLINE;
            }
            if (top > base + 1) {
                int c = compareNames(top - 2, top - 1);
                if (c == 0) {
                    return DECLINE; // a duplicate: JsonCanonicalizer names it
                }
                sorted &= c < 0;
            }
            out.raw(':');
            i = value(skip(i + 1));
            i = i == DECLINE ? DECLINE : skip(i);
            if (i == DECLINE || i == n) {
                return DECLINE;
            }
            memberFrom[top - 1] = start;
            memberTo[top - 1] = out.position();
            if (in[i] == '}') {
                break;
            }
            if (in[i] != ',') {
                return DECLINE;
            }
            i = skip(i + 1);
        }
        if (!sorted && !reorder(base)) {
            return DECLINE;
        }
        top = base;
        return close('}', i);
    }

    /** Writes the members of the current object again in name order; false on a duplicate name. */
    private boolean reorder(int base) {
        for (int k = base; k < top; k++) {
            order[k] = k;
        }
        MemberSupport.sort(order, base, top, byName);
        for (int k = base + 1; k < top; k++) {
            if (compareNames(order[k - 1], order[k]) == 0) {
                return false;
            }
        }
        int region = memberFrom[base];
        byte[] moved = out.cut(region);
        for (int k = base; k < top; k++) {
            if (k > base) {
                out.raw(',');
            }
            int m = order[k];
            out.append(moved, memberFrom[m] - region, memberTo[m] - region);
        }
        return true;
    }

    /**
     * Compares the names of members {@code p} and {@code q} as RFC 8785 orders them: by their first
     * eight bytes when those differ and are ASCII, else byte by byte.
     */
    private int compareNames(int p, int q) {
        long kp = nameKey[p];
        long kq = nameKey[q];
        if (kp != kq && ((kp | kq) & ASCII_PREFIX_MASK) == 0) {
            return Long.compare(kp, kq);
        }
        int pf = nameFrom[p];
        int qf = nameFrom[q];
        return MemberSupport.compareUtf8(pf >= 0 ? in : decodedNames, pf >= 0 ? pf : ~pf, pf >= 0 ? nameTo[p] : ~nameTo[p],
                qf >= 0 ? in : decodedNames, qf >= 0 ? qf : ~qf, qf >= 0 ? nameTo[q] : ~nameTo[q]);
    }

    /** Records a member whose name is at [from, to) of the input, or complemented, of {@link #decodedNames}. */
    private void push(int from, int to) {
        if (top == order.length) {
            int size = top * 2;
            nameFrom = Arrays.copyOf(nameFrom, size);
            nameTo = Arrays.copyOf(nameTo, size);
            memberFrom = Arrays.copyOf(memberFrom, size);
            memberTo = Arrays.copyOf(memberTo, size);
            order = Arrays.copyOf(order, size);
            nameKey = Arrays.copyOf(nameKey, size);
        }
        nameKey[top] = from >= 0 ? MemberSupport.prefix(in, from, to) : MemberSupport.prefix(decodedNames, ~from, ~to);
        nameFrom[top] = from;
        nameTo[top++] = to;
    }

    /** Writes the member name whose content starts at {@code from} and records it; returns the index after it. */
    private int name(int from) {
        int i = plainRun(from);
        if (i == DECLINE) {
            return DECLINE;
        }
        if (i < n && in[i] == '"') {
            if (i - from > maxStringLength) {
                return DECLINE;
            }
            out.append(in, from - 1, i + 1);
            push(from, i);
            return i + 1;
        }
        out.append(in, from - 1, i);
        int end = escapedString(from, i);
        return end == DECLINE ? DECLINE : decodeName(from, end - 1);
    }

    /** Keeps the decoded UTF-8 of the name at [from, to), whose escapes are known to be valid, for sorting. */
    private int decodeName(int from, int to) {
        if (decodedNames == null || decodedNames.length - decodedLength < to - from) {
            decodedNames = Arrays.copyOf(decodedNames == null ? new byte[0] : decodedNames,
                    Math.max(2 * (decodedLength + to - from), 64));
        }
        int start = decodedLength;
        for (int i = from; i < to; ) {
            if (in[i] != '\\') {
                decodedNames[decodedLength++] = in[i++];
                continue;
            }
            long escape = decodeEscape(i + 1);
            i = (int) (escape >>> 32);
            decodedLength = utf8((int) escape, decodedNames, decodedLength);
        }
        push(~start, ~decodedLength);
        return to + 1;
    }

    /** Encodes {@code cp} as UTF-8 at {@code b[at]}; returns the index after it. */
    private static int utf8(int cp, byte[] b, int at) {
        if (cp < 0x80) {
            b[at++] = (byte) cp;
        } else if (cp < 0x800) {
            b[at++] = (byte) (0xC0 | cp >> 6);
            b[at++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            b[at++] = (byte) (0xE0 | cp >> 12);
            b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[at++] = (byte) (0x80 | cp & 0x3F);
        } else {
            b[at++] = (byte) (0xF0 | cp >> 18);
            b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[at++] = (byte) (0x80 | cp & 0x3F);
        }
        return at;
    }

    /**
     * Returns the index of the first byte at or after {@code i} that is a quote, a backslash or a
     * control, checking the UTF-8 sequences on the way; {@link #DECLINE} at a malformed one.
     */
    private int plainRun(int i) {
        while (true) {
            i = Utf8Support.plainAsciiEnd(in, i, n);
            if (i == n || in[i] >= 0) {
                return i;
            }
            i = Utf8Support.sequenceEnd(in, i);
            if (i < 0) {
                return DECLINE;
            }
        }
    }

    /** Writes the string whose content starts at {@code from}; a string without escapes is copied as it is. */
    private int string(int from) {
        int i = plainRun(from);
        if (i == DECLINE) {
            return DECLINE;
        }
        if (i < n && in[i] == '"') {
            if (i - from > maxStringLength) { // never fewer bytes than UTF-16 code units
                return DECLINE;
            }
            out.append(in, from - 1, i + 1);
            return i + 1;
        }
        out.append(in, from - 1, i);
        return escapedString(from, i);
    }

    /** Writes the rest of a string from its first escape or control at {@code i}. */
    private int escapedString(int from, int i) {
        while (i < n) {
            byte b = in[i];
            if (b == '"') {
                if (i - from > maxStringLength) {
                    return DECLINE;
                }
                out.raw('"');
                return i + 1;
            }
            if (b != '\\') {
                return DECLINE; // a raw control character
            }
            long escape = decodeEscape(i + 1);
            if (escape < 0) {
                return DECLINE;
            }
            out.character((int) escape);
            i = (int) (escape >>> 32);
            int run = plainRun(i);
            if (run == DECLINE) {
                return DECLINE;
            }
            out.append(in, i, run);
            i = run;
        }
        return DECLINE;
    }

    /**
     * Decodes the escape whose letter (after the backslash) is at {@code i}, with the low half of a
     * surrogate pair.
     *
     * @return the index after the escape in the high 32 bits and the code point in the low 32 bits,
     *     or -1 for an unknown escape, bad hex digits or an unpaired surrogate
     */
    private long decodeEscape(int i) {
        if (i >= n) {
            return -1;
        }
        int c;
        switch (in[i]) {
            case '"', '\\', '/' -> c = in[i];
            case 'b' -> c = '\b';
            case 'f' -> c = '\f';
            case 'n' -> c = '\n';
            case 'r' -> c = '\r';
            case 't' -> c = '\t';
            case 'u' -> {
                return unicodeEscape(i + 1);
            }
            default -> {
                return -1;
            }
        }
        return (long) (i + 1) << 32 | c;
    }

    /** Decodes a backslash-u escape (and its pair) whose hex digits start at {@code i}, as {@link #decodeEscape}. */
    private long unicodeEscape(int i) {
        int c = hex4(i);
        if (c < 0) {
            return -1;
        }
        i += 4;
        if (Character.isSurrogate((char) c)) {
            int low = Character.isHighSurrogate((char) c) && i + 1 < n && in[i] == '\\' && in[i + 1] == 'u' ? hex4(i + 2) : -1;
            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                return -1; // unpaired: JsonCanonicalizer reports it
            }
            c = Character.toCodePoint((char) c, (char) low);
            i += 6;
        }
        return (long) i << 32 | c;
    }

    /** Returns the value of four hex digits at {@code i}, or -1. */
    private int hex4(int i) {
        if (i + 4 > n) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            int d = Character.digit(in[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * Writes the number at {@code i}. Its double is the one {@link JsonReader#number} reads: the
     * same rule picks the exact {@code long} route, and every other route rounds the exact decimal
     * value once to the nearest double, as {@link Double#parseDouble} does.
     */
    private int number(int i) {
        int start = i;
        if (in[i] == '-') {
            i++;
        }
        int intStart = i;
        if (i < n && in[i] == '0') {
            i++;
        } else {
            i = digits(i);
        }
        int intEnd = i;
        if (intEnd == intStart || (in[intStart] == '0' && i < n && isDigit(in[i]))) {
            return DECLINE; // no digit, or a leading zero
        }
        int fracEnd = i;
        if (i < n && in[i] == '.') {
            fracEnd = digits(i + 1);
            if (fracEnd == i + 1) {
                return DECLINE;
            }
            i = fracEnd;
        }
        int end = i;
        if (i < n && (in[i] | 0x20) == 'e') {
            i++;
            if (i < n && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            end = digits(i);
            if (end == i) {
                return DECLINE;
            }
        }
        double d;
        if (end == intEnd && end - start <= 18) {
            d = parseLong(start, end); // as JsonReader.number: exact as a long, rounded once
        } else {
            d = parseDecimal(start, intStart, intEnd, fracEnd, end);
        }
        if (!Double.isFinite(d)) {
            return DECLINE;
        }
        out.number(d);
        return end;
    }

    private int digits(int i) {
        while (i < n && isDigit(in[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private long parseLong(int start, int end) {
        boolean negative = in[start] == '-';
        long v = 0;
        for (int k = negative ? start + 1 : start; k < end; k++) {
            v = v * 10 + (in[k] - '0');
        }
        return negative ? -v : v;
    }

    /**
     * Returns the double nearest to the decimal number at [start, end): with at most 15 significant
     * digits and a power of ten up to 22 both operands are exact, so one IEEE multiplication or
     * division rounds correctly (Clinger's fast path, the one {@code Double.parseDouble} takes too);
     * anything else goes to {@link Double#parseDouble}.
     */
    private double parseDecimal(int start, int intStart, int intEnd, int fracEnd, int end) {
        long significand = 0;
        int scale = 0;
        for (int k = intStart; k < fracEnd; k++) {
            if (k == intEnd) {
                continue; // the decimal point
            }
            significand = significand * 10 + (in[k] - '0');
            if (significand > MAX_EXACT_SIGNIFICAND) {
                return Double.parseDouble(new String(in, start, end - start, StandardCharsets.ISO_8859_1));
            }
            scale -= k > intEnd ? 1 : 0;
        }
        int exponent = fracEnd < end ? exponent(fracEnd + 1, end) : 0;
        int power = scale + exponent;
        if (Math.abs(power) >= POWERS_OF_TEN.length) {
            return Double.parseDouble(new String(in, start, end - start, StandardCharsets.ISO_8859_1));
        }
        double v = power >= 0 ? significand * POWERS_OF_TEN[power] : significand / POWERS_OF_TEN[-power];
        return in[start] == '-' ? -v : v;
    }

    /** Returns the exponent at [from, end) (after the 'e'), saturated far beyond the double range. */
    private int exponent(int from, int end) {
        boolean negative = in[from] == '-';
        int k = in[from] == '-' || in[from] == '+' ? from + 1 : from;
        int v = 0;
        for (; k < end && v < 100_000; k++) {
            v = v * 10 + (in[k] - '0');
        }
        return negative ? -v : v;
    }
}
