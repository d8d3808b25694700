package dev.idea.core.codec;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lenient scanner for the one layout {@link AuditEventCodec#write} produces: members in canonical
 * order, no whitespace, strings without escapes. It only proposes an event; the codec accepts the
 * proposal only after re-encoding it and finding the stored bytes identical, so whatever this scanner
 * gets wrong costs speed (the strict parser takes over), never correctness.
 *
 * <p>Not thread-safe; one instance per entry.
 */
final class AuditEventScanner {
    private static final byte[] ACTOR = ascii("{\"actor\":");
    private static final byte[] ATTRIBUTES = ascii(",\"attributes\":{");
    private static final byte[] HASH = ascii(",\"hash\":");
    private static final byte[] SIGNATURE_ID = ascii(",\"manifestSignatureId\":");
    private static final byte[] PAYLOAD_DIGEST = ascii(",\"payloadDigest\":");
    private static final byte[] PREV_HASH = ascii(",\"prevHash\":");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] SUBJECT = ascii(",\"subject\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    /** Integers up to 15 digits are below 2^53, where the JSON number and the long agree exactly. */
    private static final int MAX_SEQ_DIGITS = 15;

    private final byte[] b;
    private int p;
    /** Where the {@code ,"hash":…} member starts and ends, once scanned. */
    int hashStart;
    int hashEnd;
    String hashText;

    AuditEventScanner(byte[] entry) {
        this.b = entry;
    }

    /**
     * Proposes the event the entry encodes.
     *
     * @return the event, or null when the entry is not in the expected layout or its values are invalid
     */
    AuditEvent scan() {
        try {
            return event();
        } catch (RuntimeException e) {
            return null; // invalid values: the strict path reports them with their proper error
        }
    }

    private AuditEvent event() {
        if (!take(ACTOR)) {
            return null;
        }
        String actor = string();
        if (actor == null || !take(ATTRIBUTES)) {
            return null;
        }
        Map<String, String> attributes = new TreeMap<>();
        if (!takeByte('}')) {
            do {
                String key = string();
                if (key == null || !takeByte(':')) {
                    return null;
                }
                String value = string();
                if (value == null) {
                    return null;
                }
                attributes.put(key, value);
            } while (takeByte(','));
            if (!takeByte('}')) {
                return null;
            }
        }
        hashStart = p;
        if (!take(HASH) || (hashText = string()) == null) {
            return null;
        }
        hashEnd = p;
        String signatureId = take(SIGNATURE_ID) ? string() : "";
        String payloadDigest = take(PAYLOAD_DIGEST) ? string() : "";
        if (signatureId == null || payloadDigest == null || !take(PREV_HASH)) {
            return null;
        }
        String prevHash = string();
        if (prevHash == null || !take(SEQ)) {
            return null;
        }
        long seq = integer();
        if (seq < 0 || !take(SUBJECT)) {
            return null;
        }
        String subject = string();
        if (subject == null || !take(TIMESTAMP)) {
            return null;
        }
        String timestamp = string();
        if (timestamp == null || !take(TYPE)) {
            return null;
        }
        String type = string();
        if (type == null || !takeByte('}') || p != b.length) {
            return null;
        }
        return new AuditEvent(seq, instant(timestamp), AuditEventType.ofWireName(type),
                actor, subject, payloadDigest.isEmpty() ? null : Digest.parse(payloadDigest),
                signatureId.isEmpty() ? null : signatureId, attributes, Digest.parse(prevHash), Digest.parse(hashText));
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} without building a formatter (which
     * {@link Instant#parse} does on every call); other forms go to {@link Instant#parse}. Either
     * way the codec later requires the text to be exactly {@link Instant#toString} of the result.
     */
    static Instant instant(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return CodecSupport.instant(t, "timestamp");
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nanos = 0;
        int fraction = n - 1 - 20;
        if (n > 20) {
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return CodecSupport.instant(t, "timestamp");
            }
            nanos = digits(t, 20, fraction);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return CodecSupport.instant(t, "timestamp");
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private boolean take(byte[] literal) {
        int n = literal.length;
        if (p + n > b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[p + i] != literal[i]) {
                return false;
            }
        }
        p += n;
        return true;
    }

    private boolean takeByte(char c) {
        if (p < b.length && b[p] == c) {
            p++;
            return true;
        }
        return false;
    }

    /** A string without escapes or control characters, or null. */
    private String string() {
        if (!takeByte('"')) {
            return null;
        }
        int start = p;
        boolean ascii = true;
        while (p < b.length) {
            int c = b[p];
            if (c == '"') {
                String s = new String(b, start, p - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                p++;
                return s;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return null;
            }
            ascii &= c >= 0;
            p++;
        }
        return null;
    }

    /** A non-negative integer of at most 15 digits without leading zeros, or -1. */
    private long integer() {
        int start = p;
        long v = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p++] - '0');
        }
        int digits = p - start;
        if (digits == 0 || digits > MAX_SEQ_DIGITS || (digits > 1 && b[start] == '0')) {
            return -1;
        }
        return v;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
