package dev.idea.core.internal.json;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes RFC 8785 canonical UTF-8 bytes: whole {@link JsonValue} trees, or token by token for
 * {@link JsonCanonicalizer}.
 *
 * <p>One instance writes one document and is not thread-safe. Objects are already sorted (see
 * {@link JsonObject}); strings escape only what RFC 8785 section 3.2.2.2 requires; numbers use
 * {@link EcmaNumberFormat}. Output goes into a per-thread scratch buffer (kept up to 64 KiB) and
 * is copied out once at the end; each thread also keeps up to 256 encoded member names.
 */
final class JsonWriter {
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0; // 2^53
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 = literal, otherwise the character after the backslash ('u' = six-byte form). */
    private static final byte[] ESCAPES = new byte[128];
    /** Up to this length strings are copied char by char; longer ones are encoded in bulk. */
    private static final int SHORT_STRING = 24;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private static final int MAX_KEPT = 64 * 1024;
    private static final int NAME_CACHE_SIZE = 256; // power of two

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

    private final Scratch scratch;
    private byte[] buf;
    private int len;

    /**
     * A thread's reusable output buffer and a small cache of encoded member names. jackson hands out
     * the same String instance for a name each time it parses it, so names are looked up by identity.
     */
    private static final class Scratch {
        byte[] buf = new byte[4096];
        byte[] moved = new byte[1024];
        final String[] names = new String[NAME_CACHE_SIZE];
        final byte[][] encodedNames = new byte[NAME_CACHE_SIZE][];
    }

    private JsonWriter(Scratch scratch, int sizeHint) {
        this.scratch = scratch;
        this.buf = scratch.buf.length >= sizeHint ? scratch.buf : new byte[sizeHint];
    }

    /** Starts writing into this thread's scratch buffer; finish with {@link #finish()}. */
    static JsonWriter open(int sizeHint) {
        return new JsonWriter(SCRATCH.get(), sizeHint);
    }

    /** Returns a copy of the bytes written and keeps a grown buffer for the next write on this thread. */
    byte[] finish() {
        keepBuffer();
        return Arrays.copyOf(buf, len);
    }

    /** As {@link #finish()}, but copies the bytes written straight into a {@link Bytes}. */
    Bytes finishBytes() {
        keepBuffer();
        return Bytes.of(buf, 0, len);
    }

    private void keepBuffer() {
        if (buf != scratch.buf && buf.length <= MAX_KEPT) {
            scratch.buf = buf;
        }
    }

    /** Writes {@code "name":}, from the per-thread cache when this very String was written before. */
    void memberName(String name) {
        int slot = name.hashCode() & (NAME_CACHE_SIZE - 1);
        byte[] encoded = scratch.names[slot] == name ? scratch.encodedNames[slot] : null;
        if (encoded == null) {
            int start = len;
            string(name);
            raw(':');
            if (len - start <= 64) {
                encoded = Arrays.copyOfRange(buf, start, len);
                scratch.names[slot] = name;
                scratch.encodedNames[slot] = encoded;
            }
            return;
        }
        append(encoded, 0, encoded.length);
    }

    static byte[] write(JsonValue value, int sizeHint) {
        JsonWriter w = open(sizeHint);
        w.value(value);
        return w.finish();
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
            memberName(o.keyAt(i));
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

    void number(double d) {
        if (d == (long) d && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            integer((long) d);
        } else {
            ascii(EcmaNumberFormat.format(d));
        }
    }

    void string(String s) {
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
                escapeAscii(c);
            } else if (!Character.isSurrogate(c)) {
                utf8(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
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

    void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    void raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    int position() {
        return len;
    }

    /**
     * Moves bytes [from, position) out and rewinds to {@code from}; returns the per-thread array now
     * holding them at index 0, valid until the next cut.
     */
    byte[] cut(int from) {
        int n = len - from;
        byte[] moved = scratch.moved;
        if (moved.length < n) {
            moved = new byte[Math.max(n, moved.length * 2)];
            if (moved.length <= MAX_KEPT) {
                scratch.moved = moved;
            }
        }
        System.arraycopy(buf, from, moved, 0, n);
        len = from;
        return moved;
    }

    void append(byte[] src, int from, int to) {
        ensure(to - from);
        System.arraycopy(src, from, buf, len, to - from);
        len += to - from;
    }

    /**
     * Writes {@code cs[off, off + n)} as a string literal.
     *
     * @return -1, or the index (relative to {@code off}) of an unpaired surrogate, in which case the
     *     output is incomplete and the caller must fail
     */
    int chars(char[] cs, int off, int n) {
        ensure(n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        int i = off;
        int end = off + n;
        for (; i < end; i++) {
            char c = cs[i];
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        len = p;
        for (; i < end; i++) {
            char c = cs[i];
            ensure(6);
            if (c < 0x80) {
                escapeAscii(c);
            } else if (!Character.isSurrogate(c)) {
                utf8(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(cs[i + 1])) {
                codePoint(Character.toCodePoint(c, cs[++i]));
            } else {
                return i - off;
            }
        }
        ensure(1);
        buf[len++] = '"';
        return -1;
    }

    /** Writes one character of string content in its canonical form: escaped if RFC 8785 requires it, else UTF-8. */
    void character(int codePoint) {
        ensure(6);
        if (codePoint < 0x80) {
            escapeAscii((char) codePoint);
        } else if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            utf8((char) codePoint);
        } else {
            codePoint(codePoint);
        }
    }

    private void escapeAscii(char c) {
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
    }

    private void utf8(char c) {
        if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | c >> 6);
            buf[len++] = (byte) (0x80 | c & 0x3F);
        } else {
            buf[len++] = (byte) (0xE0 | c >> 12);
            buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[len++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void codePoint(int cp) {
        buf[len++] = (byte) (0xF0 | cp >> 18);
        buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[len++] = (byte) (0x80 | cp & 0x3F);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
