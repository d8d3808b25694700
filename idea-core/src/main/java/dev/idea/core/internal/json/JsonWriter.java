package dev.idea.core.internal.json;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link JsonValue} tree as RFC 8785 canonical UTF-8 bytes into a growing byte array.
 *
 * <p>One instance writes one document and is not thread-safe. Objects are already sorted (see
 * {@link JsonObject}); strings escape only what RFC 8785 section 3.2.2.2 requires; numbers use
 * {@link EcmaNumberFormat}.
 */
final class JsonWriter {
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0; // 2^53
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 = literal, otherwise the character after the backslash ('u' = six-byte form). */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES['\t'] = 't';
    }

    /** Up to this length strings are copied char by char; longer ones are encoded in bulk. */
    private static final int SHORT_STRING = 24;

    private byte[] buf;
    private int len;

    /** Per-thread scratch buffer, so that a write allocates only its result; large buffers are not kept. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);
    private static final int MAX_KEPT = 64 * 1024;

    private JsonWriter(byte[] buf) {
        this.buf = buf;
    }

    static byte[] write(JsonValue value, int sizeHint) {
        byte[] scratch = SCRATCH.get();
        JsonWriter w = new JsonWriter(scratch.length >= sizeHint ? scratch : new byte[sizeHint]);
        w.value(value);
        if (w.buf != scratch && w.buf.length <= MAX_KEPT) {
            SCRATCH.set(w.buf);
        }
        return Arrays.copyOf(w.buf, w.len);
    }

    private void value(JsonValue v) {
        if (v instanceof JsonString s) {
            string(s.value());
        } else if (v instanceof JsonNumber n) {
            number(n.value());
        } else if (v instanceof JsonObject o) {
            object(o);
        } else if (v instanceof JsonArray a) {
            array(a.values());
        } else if (v instanceof JsonBoolean b) {
            ascii(b.value() ? "true" : "false");
        } else {
            ascii("null");
        }
    }

    private void object(JsonObject o) {
        ensure(1);
        buf[len++] = '{';
        for (int i = 0, n = o.size(); i < n; i++) {
            if (i > 0) {
                ensure(1);
                buf[len++] = ',';
            }
            string(o.keyAt(i));
            ensure(1);
            buf[len++] = ':';
            value(o.valueAt(i));
        }
        ensure(1);
        buf[len++] = '}';
    }

    private void array(List<JsonValue> values) {
        ensure(1);
        buf[len++] = '[';
        for (int i = 0, n = values.size(); i < n; i++) {
            if (i > 0) {
                ensure(1);
                buf[len++] = ',';
            }
            value(values.get(i));
        }
        ensure(1);
        buf[len++] = ']';
    }

    private void number(double d) {
        if (d == (long) d && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            integer((long) d);
        } else {
            ascii(EcmaNumberFormat.format(d));
        }
    }

    private void string(String s) {
        int n = s.length();
        if (n <= SHORT_STRING) {
            shortString(s, n);
            return;
        }
        // String.getBytes(UTF_8) is intrinsic-fast; it writes '?' for a lone surrogate, so a '?' sends
        // the string down the checking path too. The check runs on the copy in buf, 8 bytes at a time,
        // which is why 8 bytes of slack are reserved.
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 2 + 8);
        buf[len++] = '"';
        System.arraycopy(utf8, 0, buf, len, utf8.length);
        if (Utf8Support.isPlain(buf, len, utf8.length)) {
            len += utf8.length;
        } else {
            slowString(s, 0);
        }
        ensure(1);
        buf[len++] = '"';
    }

    /** Copies plain ASCII char by char, which beats encoding for short strings, and falls back on the first other char. */
    private void shortString(String s, int n) {
        ensure(n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        len = p;
        if (i < n) {
            slowString(s, i);
        }
        ensure(1);
        buf[len++] = '"';
    }

    private void slowString(String s, int from) {
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            ensure(6);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    buf[len++] = (byte) c;
                } else if (e != 'u') {
                    buf[len++] = '\\';
                    buf[len++] = e;
                } else {
                    buf[len++] = '\\';
                    buf[len++] = 'u';
                    buf[len++] = '0';
                    buf[len++] = '0';
                    buf[len++] = HEX[c >> 4];
                    buf[len++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else {
                throw new FormatException(ErrorCode.JSON_LONE_SURROGATE, String.format(Locale.ROOT,
                        "cannot write unpaired surrogate \\u%04x at UTF-16 index %d of string %s as UTF-8; "
                                + "remove it or complete the surrogate pair", (int) c, i, JsonPathTracker.quote(s)));
            }
        }
    }

    private void integer(long v) {
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v; // |v| < 2^53, no overflow
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int p = end - 1; p >= len; p--) {
            buf[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len = end;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
