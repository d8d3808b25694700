package dev.idea.core.codec;

import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.core.internal.json.CanonicalWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * The RFC 8785 encoder of the one JSON layout an audit event has: member names are constants, so an
 * event is written straight into bytes, and only strings that need escaping or are not ASCII go
 * through the generic {@link CanonicalWriter}. The bytes are exactly those of the event's members
 * canonicalized as one object ({@code AuditEventCodecFastPathTest} compares them with the tree-based
 * writer).
 *
 * <p>Not thread-safe: each thread uses its own instance ({@link #get()}), one event at a time.
 */
final class AuditEventEncoder {
    static final byte[] ACTOR = ascii("{\"actor\":");
    static final byte[] ATTRIBUTES = ascii(",\"attributes\":{");
    static final byte[] HASH = ascii(",\"hash\":");
    static final byte[] SIGNATURE_ID = ascii(",\"manifestSignatureId\":");
    static final byte[] PAYLOAD_DIGEST = ascii(",\"payloadDigest\":");
    static final byte[] PREV_HASH = ascii(",\"prevHash\":");
    static final byte[] SEQ = ascii(",\"seq\":");
    static final byte[] SUBJECT = ascii(",\"subject\":");
    static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    static final byte[] TYPE = ascii(",\"type\":");
    /** Largest seq written as a JSON number: beyond 2^53 a JSON reader may not get the same integer back. */
    static final long MAX_EXACT_SEQ = 1L << 53;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range {@link #timestamp} formats itself. */
    private static final long FIRST_FAST_SECOND = -62_167_219_200L;
    private static final long LAST_FAST_SECOND = 253_402_300_799L;
    /** The two lowercase hex digits of each byte value, high digit in the high half. */
    private static final char[] HEX_PAIRS = new char[256];
    private static final int KEPT_BYTES = 64 * 1024;
    private static final ThreadLocal<AuditEventEncoder> CURRENT = ThreadLocal.withInitial(AuditEventEncoder::new);

    static {
        String digits = "0123456789abcdef";
        for (int v = 0; v < 256; v++) {
            HEX_PAIRS[v] = (char) (digits.charAt(v >> 4) << 8 | digits.charAt(v & 0xF));
        }
    }

    private byte[] buf = new byte[512];
    private int len;
    /** Where the {@code hash} member goes: right after the attributes object. */
    private int split;

    private AuditEventEncoder() {
    }

    /** This thread's encoder, emptied. */
    static AuditEventEncoder get() {
        AuditEventEncoder e = CURRENT.get();
        if (e.buf.length > KEPT_BYTES) {
            e.buf = new byte[512];
        }
        e.len = 0;
        return e;
    }

    /**
     * Writes the event without its {@code hash} member.
     *
     * @param attributes sorted by key ({@link String#compareTo}), as RFC 8785 orders members
     * @throws IllegalArgumentException when {@code seq} is above 2^53
     * @throws dev.idea.api.FormatException with {@code JSON_LONE_SURROGATE} for an unpaired surrogate
     */
    AuditEventEncoder body(long seq, Instant timestamp, AuditEventType type, String actor, String subject,
                           Digest payloadDigest, String manifestSignatureId, Map<String, String> attributes, Digest prevHash) {
        if (seq > MAX_EXACT_SEQ) {
            throw new IllegalArgumentException("member \"seq\": " + seq
                    + " is outside the exact JSON integer range [-2^53, 2^53]; encode it as a string");
        }
        put(ACTOR);
        string(actor);
        put(ATTRIBUTES);
        boolean first = true;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (!first) {
                put((byte) ',');
            }
            first = false;
            string(a.getKey());
            put((byte) ':');
            string(a.getValue());
        }
        put((byte) '}');
        split = len;
        if (manifestSignatureId != null) {
            put(SIGNATURE_ID);
            string(manifestSignatureId);
        }
        if (payloadDigest != null) {
            put(PAYLOAD_DIGEST);
            digest(payloadDigest);
        }
        put(PREV_HASH);
        digest(prevHash);
        put(SEQ);
        integer(seq);
        put(SUBJECT);
        string(subject);
        put(TIMESTAMP);
        timestamp(timestamp);
        put(TYPE);
        string(type.wireName());
        put((byte) '}');
        return this;
    }

    /** SHA-256 of the body written so far. */
    byte[] hash(MessageDigest sha256) {
        sha256.update(buf, 0, len);
        return sha256.digest();
    }

    /** The body with {@code ,"hash":"<hash>"} spliced in after the attributes: the stored form. */
    Bytes withHash(Digest hash) {
        int bodyLength = len;
        put(HASH);
        digest(hash);
        int member = len - bodyLength;
        byte[] out = new byte[len];
        System.arraycopy(buf, 0, out, 0, split);
        System.arraycopy(buf, bodyLength, out, split, member);
        System.arraycopy(buf, split, out, split + member, bodyLength - split);
        len = bodyLength;
        return Bytes.of(out);
    }

    private void string(String s) {
        int n = s.length();
        ensure(n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                put(CanonicalWriter.open(3 * n + 2).string(s).finish());
                return;
            }
            b[p++] = (byte) c;
        }
        b[p++] = '"';
        len = p;
    }

    private void digest(Digest d) {
        String prefix = d.algorithm().prefix();
        Bytes value = d.value();
        int n = value.size();
        ensure(prefix.length() + 2 * n + 3);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < prefix.length(); i++) {
            b[p++] = (byte) prefix.charAt(i);
        }
        b[p++] = ':';
        for (int i = 0; i < n; i++) {
            char pair = HEX_PAIRS[value.get(i) & 0xFF];
            b[p++] = (byte) (pair >> 8);
            b[p++] = (byte) pair;
        }
        b[p++] = '"';
        len = p;
    }

    private void integer(long v) {
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v; // |v| <= 2^53, no overflow
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        len = digits(buf, len, v, digits);
    }

    private void timestamp(Instant t) {
        ensure(32);
        int end = timestamp(t, buf, len + 1);
        if (end < 0) {
            string(t.toString());
            return;
        }
        buf[len] = '"';
        buf[end] = '"';
        len = end + 1;
    }

    /**
     * Writes exactly {@link Instant#toString} (ISO_INSTANT: seconds always, fraction in groups of
     * three digits, none when zero) for years 0000 to 9999, without its per-call formatter.
     *
     * @return the end of the text, or -1 outside those years (nothing written)
     */
    static int timestamp(Instant t, byte[] c, int at) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int p = digits(c, at, date.getYear(), 4);
        c[p++] = '-';
        p = digits(c, p, date.getMonthValue(), 2);
        c[p++] = '-';
        p = digits(c, p, date.getDayOfMonth(), 2);
        c[p++] = 'T';
        p = digits(c, p, secondOfDay / 3600, 2);
        c[p++] = ':';
        p = digits(c, p, secondOfDay / 60 % 60, 2);
        c[p++] = ':';
        p = digits(c, p, secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            c[p++] = '.';
            if (nano % 1_000_000 == 0) {
                p = digits(c, p, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                p = digits(c, p, nano / 1000, 6);
            } else {
                p = digits(c, p, nano, 9);
            }
        }
        c[p++] = 'Z';
        return p;
    }

    private static int digits(byte[] c, int at, long value, int width) {
        long v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + width;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + extra));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
