package dev.idea.core.internal.json;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Validates raw input bytes as well-formed UTF-8 (RFC 3629) before jackson sees them.
 *
 * <p>jackson decodes overlong forms and encoded surrogates without complaint, so the check is done
 * here: overlongs, surrogates (U+D800..U+DFFF), code points above U+10FFFF, stray continuation bytes
 * and truncated sequences are refused with their byte offset.
 */
final class Utf8Support {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    private static final long QUOTES = 0x2222222222222222L;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;
    private static final long SPACES = 0x2020202020202020L;
    private static final long PLAIN_FILLER = 0x4141414141414141L; // 'A', never special

    private Utf8Support() {
    }

    /**
     * Checks {@code b}.
     *
     * @return whether the input holds a backslash, i.e. whether a string may contain an escape
     * @throws FormatException {@code JSON_INVALID_UTF8} at the first bad byte
     */
    static boolean validate(byte[] b) {
        int n = b.length;
        int i = 0;
        boolean backslash = false;
        while (i < n) {
            if (i + 16 <= n) {
                long w0 = (long) LONGS.get(b, i);
                long w1 = (long) LONGS.get(b, i + 8);
                if (((w0 | w1) & HIGH_BITS) == 0) {
                    backslash = backslash || (hasZero(w0 ^ BACKSLASHES) | hasZero(w1 ^ BACKSLASHES)) != 0;
                    i += 16;
                    continue;
                }
            }
            if (i + 8 <= n) {
                long w = (long) LONGS.get(b, i);
                if ((w & HIGH_BITS) == 0) {
                    backslash = backslash || hasZero(w ^ BACKSLASHES) != 0;
                    i += 8;
                    continue;
                }
            }
            int c = b[i];
            if (c >= 0) {
                backslash |= c == '\\';
                i++;
            } else {
                i = sequence(b, i, c & 0xFF);
            }
        }
        return backslash;
    }

    /**
     * Tells whether the UTF-8 bytes {@code b[from, from + n)} can stand in a JSON string literal
     * unchanged: no byte below 0x20, no '"', no backslash, and no '?' (which {@link String#getBytes}
     * writes for a lone surrogate). Bytes of 0x80 and above are never special. Reads whole words,
     * so {@code b} must hold 8 readable bytes past the range; they are masked out.
     */
    static boolean isPlain(byte[] b, int from, int n) {
        int end = from + n;
        for (int i = from; i < end; i += 8) {
            long w = (long) LONGS.get(b, i);
            int valid = end - i;
            if (valid < 8) {
                long keep = -1L >>> ((8 - valid) << 3); // little-endian: the first bytes are the low ones
                w = (w & keep) | (PLAIN_FILLER & ~keep);
            }
            if ((hasLess(w, SPACES) | hasZero(w ^ QUOTES) | hasZero(w ^ BACKSLASHES) | hasZero(w ^ QUESTION_MARKS)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the index of the first byte of {@code b[from, end)} that is a '"', a backslash, below
     * 0x20 or 0x80 and above, or {@code end}: the end of a run of plain ASCII string content. Reads
     * eight bytes at a time.
     */
    static int plainAsciiEnd(byte[] b, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(b, i);
            long stop = hasZero(w ^ QUOTES) | hasZero(w ^ BACKSLASHES) | hasLess(w, SPACES) | (w & HIGH_BITS);
            if (stop != 0) {
                // Borrows only flag bytes above a real match, so the lowest flag is the first match.
                return i + (Long.numberOfTrailingZeros(stop) >>> 3);
            }
        }
        for (; i < end; i++) {
            int c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') { // bytes of 0x80 and above are negative
                return i;
            }
        }
        return end;
    }

    /** Returns the index of the first byte of {@code b[from, end)} that is not a space, or {@code end}; eight bytes at a time. */
    static int spacesEnd(byte[] b, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long other = (long) LONGS.get(b, i) ^ SPACES;
            if (other != 0) {
                return i + (Long.numberOfTrailingZeros(other) >>> 3);
            }
        }
        while (i < end && b[i] == ' ') {
            i++;
        }
        return i;
    }

    /** Non-zero exactly when some byte of {@code w} is zero (the high-bit borrow test). */
    private static long hasZero(long w) {
        return (w - ONES) & ~w & HIGH_BITS;
    }

    /** Non-zero exactly when some byte of {@code w} is below the byte value repeated in {@code limits} (at most 0x80). */
    private static long hasLess(long w, long limits) {
        return (w - limits) & ~w & HIGH_BITS;
    }

    /** Checks the multi-byte sequence starting at {@code i} with lead byte {@code lead}; returns the next index. */
    private static int sequence(byte[] b, int i, int lead) {
        int length = sequenceLength(lead);
        if (lead < 0x80 + 0x40) {
            throw invalid(i, lead, "a continuation byte without a lead byte");
        } else if (lead < 0xC2) {
            throw invalid(i, lead, "an overlong encoding of an ASCII character");
        } else if (length == 0) {
            throw invalid(i, lead, "a byte that never occurs in UTF-8");
        }
        if (i + length > b.length) {
            throw invalid(i, lead, "a sequence truncated by the end of input");
        }
        int second = b[i + 1] & 0xFF;
        if (second < minSecond(lead) || second > maxSecond(lead)) {
            throw invalid(i, lead, describe(lead, second));
        }
        for (int k = 2; k < length; k++) {
            int cont = b[i + k] & 0xFF;
            if (cont < 0x80 || cont > 0xBF) {
                throw invalid(i + k, cont, "a missing continuation byte");
            }
        }
        return i + length;
    }

    /**
     * Returns the index after the well-formed multi-byte sequence that starts at {@code b[i]}, or
     * -1 where {@link #validate} would refuse it.
     */
    static int sequenceEnd(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        int length = sequenceLength(lead);
        if (length == 0 || i + length > b.length) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < minSecond(lead) || second > maxSecond(lead)) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return i + length;
    }

    /** Returns the length of the sequence a lead byte starts, or 0 when it cannot start one. */
    private static int sequenceLength(int lead) {
        if (lead < 0xC2) {
            return 0; // ASCII, a continuation byte, or an overlong two-byte lead
        }
        return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
    }

    /** Below this the second byte makes an overlong encoding (or is no continuation byte). */
    private static int minSecond(int lead) {
        return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    }

    /** Above this the second byte makes a UTF-16 surrogate or a code point beyond U+10FFFF (or is no continuation byte). */
    private static int maxSecond(int lead) {
        return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    }

    private static String describe(int lead, int second) {
        if (second < 0x80 || second > 0xBF) {
            return "a missing continuation byte";
        } else if (lead == 0xED) {
            return "an encoded UTF-16 surrogate (U+D800..U+DFFF)";
        } else if (lead == 0xF4) {
            return "a code point above U+10FFFF";
        }
        return "an overlong encoding";
    }

    private static FormatException invalid(int offset, int value, String what) {
        return new FormatException(ErrorCode.JSON_INVALID_UTF8, String.format(Locale.ROOT,
                "byte 0x%02X at byte offset %d is %s; re-encode the document as UTF-8 (RFC 3629)",
                value, offset, what));
    }
}
