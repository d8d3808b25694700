package dev.idea.core.codec;

import static dev.idea.core.codec.AuditEventEncoder.ACTOR;
import static dev.idea.core.codec.AuditEventEncoder.ATTRIBUTES;
import static dev.idea.core.codec.AuditEventEncoder.HASH;
import static dev.idea.core.codec.AuditEventEncoder.PAYLOAD_DIGEST;
import static dev.idea.core.codec.AuditEventEncoder.PREV_HASH;
import static dev.idea.core.codec.AuditEventEncoder.SEQ;
import static dev.idea.core.codec.AuditEventEncoder.SIGNATURE_ID;
import static dev.idea.core.codec.AuditEventEncoder.SUBJECT;
import static dev.idea.core.codec.AuditEventEncoder.TIMESTAMP;
import static dev.idea.core.codec.AuditEventEncoder.TYPE;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.HashAlgorithm;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an audit event from its stored bytes only when they are exactly its canonical encoding (what
 * {@link AuditEventEncoder} writes), checking each member against its canonical form in one walk:
 * members in canonical order and no whitespace; strings without escapes or control characters and in
 * well-formed UTF-8 (the canonical writer escapes nothing else); attribute names in ASCII and strictly
 * increasing (sorted, no duplicates); digests as {@code algorithm:lowercase hex}; seq without leading
 * zeros; the timestamp as {@link Instant#toString} writes it. Anything else is refused (null) and the
 * strict parser decides; so the content hash of an accepted entry is the hash of the stored bytes
 * without the {@code hash} member, and the strict parser would decode the same event.
 *
 * <p>{@link #event()} then builds the event; {@link #linkable()} only checks what building it would
 * check, without allocating the event's strings and maps, for a chain replay that needs only seq,
 * prevHash and hash.
 *
 * <p>Not thread-safe; one instance per entry.
 */
final class AuditEventScanner {
    /** Integers up to 15 digits are below 2^53, where the JSON number and the long agree exactly. */
    private static final int MAX_SEQ_DIGITS = 15;
    /** Longest actor or subject an {@link AuditEvent} accepts (in UTF-16 units, so bytes for ASCII). */
    static final int MAX_TEXT_LENGTH = 256;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final AuditEventType[] TYPES = AuditEventType.values();
    private static final byte[][] TYPE_NAMES = new byte[TYPES.length][];
    private static final HashAlgorithm[] ALGORITHMS = HashAlgorithm.values();
    /** {@code prefix:} of each algorithm. */
    private static final byte[][] PREFIXES = new byte[ALGORITHMS.length][];

    static {
        for (int i = 0; i < TYPES.length; i++) {
            TYPE_NAMES[i] = TYPES[i].wireName().getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < ALGORITHMS.length; i++) {
            PREFIXES[i] = (ALGORITHMS[i].prefix() + ":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] b;
    private int p;
    /** Where the {@code ,"hash":…} member starts and ends. */
    int hashStart;
    int hashEnd;
    // where each member's value starts (after the quote) and ends (at the closing quote); -1 when absent
    private int actorStart;
    private int actorEnd;
    private boolean actorAscii;
    private int attributesStart;
    private int attributesEnd;
    private int hashAt;
    private int signatureIdStart = -1;
    private int signatureIdEnd;
    private int payloadDigestAt = -1;
    private int prevHashAt;
    private long seq;
    private int subjectStart;
    private int subjectEnd;
    private boolean subjectAscii;
    private int timestampStart;
    private int timestampEnd;
    private int typeStart;
    private int typeEnd;
    // the walk's scratch: the last string's start and whether it was ASCII
    private int start;
    private boolean ascii;

    AuditEventScanner(byte[] entry) {
        this.b = entry;
    }

    /**
     * Walks the entry.
     *
     * @return whether it is in canonical layout; only then may {@link #event()} or {@link #link()} be called
     */
    boolean walk() {
        try {
            return members();
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private boolean members() {
        if (!take(ACTOR) || (actorEnd = string()) < 0) {
            return false;
        }
        actorStart = start;
        actorAscii = ascii;
        if (!take(ATTRIBUTES) || !attributes()) {
            return false;
        }
        hashStart = p;
        if (!take(HASH) || (hashAt = digest()) < 0) {
            return false;
        }
        hashEnd = p;
        if (take(SIGNATURE_ID)) {
            if ((signatureIdEnd = string()) < 0) {
                return false;
            }
            signatureIdStart = start;
        }
        if (take(PAYLOAD_DIGEST) && (payloadDigestAt = digest()) < 0
                || !take(PREV_HASH) || (prevHashAt = digest()) < 0 || !take(SEQ) || (seq = integer()) < 0
                || !take(SUBJECT) || (subjectEnd = string()) < 0) {
            return false;
        }
        subjectStart = start;
        subjectAscii = ascii;
        if (!take(TIMESTAMP) || (timestampEnd = string()) < 0) {
            return false;
        }
        timestampStart = start;
        if (!take(TYPE) || (typeEnd = string()) < 0) {
            return false;
        }
        typeStart = start;
        return takeByte('}') && p == b.length;
    }

    /** {@code "name":"value"} pairs up to the closing brace, names in ASCII and strictly increasing. */
    private boolean attributes() {
        attributesStart = p;
        if (takeByte('}')) {
            attributesEnd = attributesStart;
            return true;
        }
        int lastStart = -1;
        int lastEnd = -1;
        do {
            int end = string();
            if (end < 0 || !ascii || lastStart >= 0 && Arrays.compare(b, lastStart, lastEnd, b, start, end) >= 0
                    || !takeByte(':')) {
                return false;
            }
            lastStart = start;
            lastEnd = end;
            if (string() < 0) {
                return false;
            }
        } while (takeByte(','));
        attributesEnd = p;
        return takeByte('}');
    }

    /**
     * Builds the event the entry encodes; call after {@link #walk()} returned true.
     *
     * @return the event, or null when a value is invalid (the strict path reports it)
     */
    AuditEvent event() {
        try {
            return new AuditEvent(seq, canonicalInstant(b, timestampStart, timestampEnd), type(),
                    text(actorStart, actorEnd), text(subjectStart, subjectEnd),
                    payloadDigestAt < 0 ? null : digestAt(payloadDigestAt),
                    signatureIdStart < 0 ? null : text(signatureIdStart, signatureIdEnd),
                    attributeMap(), digestAt(prevHashAt), digestAt(hashAt));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Checks, on the bytes, what building the event would check (actor and subject non-blank, at most
     * {@value #MAX_TEXT_LENGTH} characters, without control characters; a known type; a real date);
     * call after {@link #walk()} returned true. Then {@link #seq()}, {@link #prevHash()} and
     * {@link #hash()} are the event's.
     *
     * @return false when building the event would fail, or when this check cannot decide without
     *     building it (non-ASCII actor or subject)
     */
    boolean linkable() {
        return actorAscii && subjectAscii && plainText(actorStart, actorEnd) && plainText(subjectStart, subjectEnd)
                && type() != null && canonicalInstant(b, timestampStart, timestampEnd) != null;
    }

    long seq() {
        return seq;
    }

    Digest prevHash() {
        return digestAt(prevHashAt);
    }

    Digest hash() {
        return digestAt(hashAt);
    }

    /** An ASCII actor or subject that {@link AuditEvent} accepts: 1 to 256 characters, not all spaces, no DEL. */
    private boolean plainText(int from, int to) {
        if (to - from > MAX_TEXT_LENGTH) {
            return false;
        }
        boolean blank = true;
        for (int i = from; i < to; i++) {
            if (b[i] == 0x7F) {
                return false;
            }
            blank &= b[i] == ' ';
        }
        return !blank;
    }

    private AuditEventType type() {
        int length = typeEnd - typeStart;
        for (int i = 0; i < TYPES.length; i++) {
            byte[] name = TYPE_NAMES[i];
            if (name.length == length && startsWith(typeStart, name)) {
                return TYPES[i];
            }
        }
        return null;
    }

    private String text(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, from, to - from, StandardCharsets.UTF_8); // checked well-formed by the walk
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Re-reads the attribute pairs the walk checked: quoted, unescaped, separated by ':' and ','. */
    private Map<String, String> attributeMap() {
        Map<String, String> attributes = new TreeMap<>();
        int q = attributesStart;
        while (q < attributesEnd) {
            int keyEnd = closingQuote(q + 1);
            int valueEnd = closingQuote(keyEnd + 3);
            attributes.put(text(q + 1, keyEnd), text(keyEnd + 3, valueEnd));
            q = valueEnd + 2;
        }
        return attributes;
    }

    private int closingQuote(int from) {
        int q = from;
        while (b[q] != '"') {
            q++;
        }
        return q;
    }

    /**
     * A string as the canonical writer writes it: no escapes, no control characters, well-formed UTF-8.
     *
     * @return the index of its closing quote ({@link #start} holds where it starts), or -1
     */
    private int string() {
        if (!takeByte('"')) {
            return -1;
        }
        byte[] in = b;
        int from = p;
        int q = from;
        while (q + 8 <= in.length && plainAscii((long) LONGS.get(in, q))) {
            q += 8;
        }
        boolean allAscii = true;
        for (; q < in.length; q++) {
            int c = in[q];
            if (c == '"') {
                if (!allAscii && !wellFormedUtf8(from, q)) {
                    return -1;
                }
                start = from;
                ascii = allAscii;
                p = q + 1;
                return q;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
            allAscii &= c >= 0;
        }
        return -1;
    }

    /** Whether none of the 8 bytes is a quote, a backslash, a control character or outside ASCII. */
    private static boolean plainAscii(long w) {
        long quote = w ^ QUOTES;
        long backslash = w ^ BACKSLASHES;
        long zeroes = (quote - ONES) & ~quote | (backslash - ONES) & ~backslash;
        long control = w - SPACES & ~w;
        return ((zeroes | control | w) & HIGH_BITS) == 0;
    }

    /** Whether b[from, to) is well-formed UTF-8: the decoder replaces anything else, so the bytes would not come back. */
    private boolean wellFormedUtf8(int from, int to) {
        byte[] again = new String(b, from, to - from, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(again, 0, again.length, b, from, to);
    }

    /**
     * {@code "sha256:<64 lowercase hex>"} or {@code "sha512:<128 lowercase hex>"}.
     *
     * @return where its text starts (after the opening quote), or -1
     */
    private int digest() {
        if (!takeByte('"')) {
            return -1;
        }
        int at = p;
        HashAlgorithm algorithm = algorithmAt(at);
        if (algorithm == null) {
            return -1;
        }
        int hex = at + algorithm.prefix().length() + 1;
        long bad = 0; // the prefix (with its colon) was checked by algorithmAt
        for (int i = 0; i < 2 * algorithm.length(); i += 8) {
            bad |= notLowercaseHex((long) LONGS.get(b, hex + i));
        }
        p = hex + 2 * algorithm.length() + 1;
        return bad == 0 ? at : -1;
    }

    /** The algorithm whose {@code prefix:hex"} text starts at {@code at}, judged by prefix and length. */
    private HashAlgorithm algorithmAt(int at) {
        for (int i = 0; i < ALGORITHMS.length; i++) {
            byte[] prefix = PREFIXES[i];
            int close = at + prefix.length + 2 * ALGORITHMS[i].length();
            if (close < b.length && b[close] == '"' && startsWith(at, prefix)) {
                return ALGORITHMS[i];
            }
        }
        return null;
    }

    private boolean startsWith(int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a digest the walk checked. */
    private Digest digestAt(int at) {
        HashAlgorithm algorithm = algorithmAt(at);
        int hex = at + algorithm.prefix().length() + 1;
        byte[] raw = new byte[algorithm.length()];
        for (int i = 0; i < raw.length; i += 4) {
            long w = (long) LONGS.get(b, hex + 2 * i);
            // '0'-'9' are 0x30-0x39 and 'a'-'f' 0x61-0x66: the low nibble, plus 9 where bit 6 marks a letter
            long v = (w & 0x0F0F0F0F0F0F0F0FL) + ((w & 0x4040404040404040L) >>> 6) * 9;
            // little-endian: byte 2k holds the high nibble of output byte k, byte 2k+1 the low one
            long pairs = (v & 0x00FF00FF00FF00FFL) << 4 | (v & 0xFF00FF00FF00FF00L) >>> 8;
            raw[i] = (byte) pairs;
            raw[i + 1] = (byte) (pairs >>> 16);
            raw[i + 2] = (byte) (pairs >>> 32);
            raw[i + 3] = (byte) (pairs >>> 48);
        }
        return new Digest(algorithm, Bytes.of(raw));
    }

    /**
     * Non-zero when one of 8 bytes is not a lowercase hex digit (0x30-0x39 or 0x61-0x66). On the low 7
     * bits of a byte, {@code x + (0x80 - a)} has its top bit set when {@code x >= a} and
     * {@code x + (0x7F - b)} has it clear when {@code x <= b}; the sums never carry into the next byte.
     */
    private static long notLowercaseHex(long w) {
        long x = w & ~HIGH_BITS;
        long digit = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
        long letter = (x + 0x1F1F1F1F1F1F1F1FL) & ~(x + 0x1919191919191919L);
        return ((digit | letter) & HIGH_BITS ^ HIGH_BITS) | w & HIGH_BITS;
    }

    /** A non-negative integer of at most 15 digits without leading zeros, or -1. */
    private long integer() {
        int from = p;
        long v = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p++] - '0');
        }
        int digits = p - from;
        if (digits == 0 || digits > MAX_SEQ_DIGITS || (digits > 1 && b[from] == '0')) {
            return -1;
        }
        return v;
    }

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss[.SSS|.SSSSSS|.SSSSSSSSS]Z} when it is exactly what
     * {@link Instant#toString} writes for the instant it denotes (fraction in the shortest group of
     * three digits, none when zero), without building a formatter as {@link Instant#parse} does.
     *
     * @return the instant, or null for any other text
     */
    static Instant canonicalInstant(byte[] t, int from, int to) {
        int n = to - from;
        int fraction = n - 21;
        if ((n != 20 && fraction != 3 && fraction != 6 && fraction != 9) || t[from + 4] != '-' || t[from + 7] != '-'
                || t[from + 10] != 'T' || t[from + 13] != ':' || t[from + 16] != ':' || t[to - 1] != 'Z'
                || (n > 20 && t[from + 19] != '.')) {
            return null;
        }
        int year = digits(t, from, 4);
        int month = digits(t, from + 5, 2);
        int day = digits(t, from + 8, 2);
        int hour = digits(t, from + 11, 2);
        int minute = digits(t, from + 14, 2);
        int second = digits(t, from + 17, 2);
        int nanos = n > 20 ? digits(t, from + 20, fraction) : 0;
        for (int i = Math.max(fraction, 0); i < 9 && nanos > 0; i++) {
            nanos *= 10;
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59 || !shortestFraction(fraction, nanos)) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** Whether {@code fraction} digits are the ones ISO_INSTANT writes for {@code nanos}. */
    private static boolean shortestFraction(int fraction, int nanos) {
        return switch (fraction) {
            case 3 -> nanos != 0;
            case 6 -> nanos % 1_000_000 != 0;
            case 9 -> nanos % 1000 != 0;
            default -> true;
        };
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(byte[] t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = t[i];
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
}
