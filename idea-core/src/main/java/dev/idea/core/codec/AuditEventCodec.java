package dev.idea.core.codec;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.HashAlgorithm;
import dev.idea.core.internal.json.CanonicalWriter;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads and writes audit events and computes their hashes ({@code docs/formats/audit-event.md}).
 *
 * <p>An event's {@code hash} is SHA-256 of the RFC 8785 canonical JSON of the event without its
 * {@code hash} member. Stateless and thread-safe.
 */
public final class AuditEventCodec {
    private static final long MAX_EXACT_SEQ = 1L << 53;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range {@link #timestampText} formats itself. */
    private static final long FIRST_FAST_SECOND = -62_167_219_200L;
    private static final long LAST_FAST_SECOND = 253_402_300_799L;
    /** One SHA-256 instance per thread: looking the algorithm up costs as much as hashing an event. */
    private static final ThreadLocal<MessageDigest> SHA_256 =
            ThreadLocal.withInitial(HashAlgorithm.SHA_256::newMessageDigest);
    /** Entries up to this size cannot exceed the strict parser's limits (a string has at most one UTF-16 unit per byte). */
    private static final int FAST_PATH_MAX_BYTES =
            Math.min(CodecSupport.LIMITS.maxBytes(), CodecSupport.LIMITS.maxStringLength());

    private AuditEventCodec() {
    }

    /**
     * Completes an event: computes its hash from every other field.
     *
     * @param seq position in the chain
     * @param timestamp time of the change
     * @param type what changed
     * @param actor who
     * @param subject about what
     * @param payloadDigest digest of the document concerned, or null
     * @param manifestSignatureId the signature id, or null
     * @param attributes further facts
     * @param prevHash hash of the previous event
     * @return the event with its hash
     */
    public static AuditEvent seal(long seq, Instant timestamp, AuditEventType type, String actor, String subject,
                                  Digest payloadDigest, String manifestSignatureId, Map<String, String> attributes,
                                  Digest prevHash) {
        return sealAndWrite(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId, attributes, prevHash)
                .event();
    }

    /**
     * Completes an event and encodes it in one pass: the same event as {@link #seal} and the same
     * bytes as {@link #write} of it, from a single canonical serialization.
     *
     * @param seq position in the chain
     * @param timestamp time of the change
     * @param type what changed
     * @param actor who
     * @param subject about what
     * @param payloadDigest digest of the document concerned, or null
     * @param manifestSignatureId the signature id, or null
     * @param attributes further facts
     * @param prevHash hash of the previous event
     * @return the event with its hash, and its stored form
     */
    public static Sealed sealAndWrite(long seq, Instant timestamp, AuditEventType type, String actor, String subject,
                                      Digest payloadDigest, String manifestSignatureId, Map<String, String> attributes,
                                      Digest prevHash) {
        AuditEvent draft = new AuditEvent(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId,
                attributes, prevHash, AuditEvent.GENESIS_PREV_HASH);
        Body body = body(draft);
        Digest hash = Digest.ofSha256(sha256(body.bytes()));
        AuditEvent event = new AuditEvent(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId,
                draft.attributes(), prevHash, hash);
        return new Sealed(event, Bytes.of(body.withHash(hash)));
    }

    /**
     * An event with its hash and its stored bytes.
     *
     * @param event the event
     * @param json its canonical JSON, hash included
     */
    public record Sealed(AuditEvent event, Bytes json) {
        /** Validates presence. */
        public Sealed {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * A stored event as read, with the hash its content gives.
     *
     * @param event the event as stored
     * @param contentHash SHA-256 of its canonical JSON without {@code hash} (what {@link #computeHash} returns)
     */
    public record Decoded(AuditEvent event, Digest contentHash) {
        /** Validates presence. */
        public Decoded {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(contentHash, "contentHash");
        }
    }

    /**
     * Recomputes the hash an event should have.
     *
     * @param event the event
     * @return SHA-256 of its canonical JSON without {@code hash}
     */
    public static Digest computeHash(AuditEvent event) {
        return Digest.ofSha256(sha256(body(event).bytes()));
    }

    /**
     * Writes an event, hash included, as canonical JSON.
     *
     * @param event the event
     * @return the bytes
     */
    public static Bytes write(AuditEvent event) {
        return Bytes.of(body(event).withHash(event.hash()));
    }

    /**
     * The canonical JSON of an event without {@code hash}, and where {@code hash} goes: it sorts
     * between {@code attributes} and {@code manifestSignatureId}, so it is spliced in right after the
     * attributes object.
     */
    private record Body(byte[] bytes, int split) {
        byte[] withHash(Digest hash) {
            byte[] member = hashMember(hash);
            byte[] out = new byte[bytes.length + member.length];
            System.arraycopy(bytes, 0, out, 0, split);
            System.arraycopy(member, 0, out, split, member.length);
            System.arraycopy(bytes, split, out, split + member.length, bytes.length - split);
            return out;
        }
    }

    private static byte[] hashMember(Digest hash) {
        return (",\"hash\":\"" + hash + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static Body body(AuditEvent e) {
        if (e.seq() > MAX_EXACT_SEQ) {
            throw new IllegalArgumentException("member \"seq\": " + e.seq()
                    + " is outside the exact JSON integer range [-2^53, 2^53]; encode it as a string");
        }
        CanonicalWriter w = CanonicalWriter.open(512);
        w.punct('{').name("actor").string(e.actor()).punct(',').name("attributes").punct('{');
        boolean first = true;
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            if (!first) {
                w.punct(',');
            }
            first = false;
            w.name(a.getKey()).string(a.getValue());
        }
        w.punct('}');
        int split = w.position();
        if (e.manifestSignatureId() != null) {
            w.punct(',').name("manifestSignatureId").string(e.manifestSignatureId());
        }
        if (e.payloadDigest() != null) {
            w.punct(',').name("payloadDigest").string(e.payloadDigest().toString());
        }
        w.punct(',').name("prevHash").string(e.prevHash().toString())
                .punct(',').name("seq").number(e.seq())
                .punct(',').name("subject").string(e.subject())
                .punct(',').name("timestamp").string(timestampText(e.timestamp()))
                .punct(',').name("type").string(e.type().wireName())
                .punct('}');
        return new Body(w.finish(), split);
    }

    /**
     * Returns exactly {@link Instant#toString} (ISO_INSTANT: seconds always, fraction in groups of
     * three digits, none when zero) for years 0000 to 9999, without its per-call formatter.
     */
    static String timestampText(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            return t.toString();
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        char[] c = new char[30];
        int p = put(c, 0, date.getYear(), 4);
        c[p++] = '-';
        p = put(c, p, date.getMonthValue(), 2);
        c[p++] = '-';
        p = put(c, p, date.getDayOfMonth(), 2);
        c[p++] = 'T';
        p = put(c, p, secondOfDay / 3600, 2);
        c[p++] = ':';
        p = put(c, p, secondOfDay / 60 % 60, 2);
        c[p++] = ':';
        p = put(c, p, secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            c[p++] = '.';
            if (nano % 1_000_000 == 0) {
                p = put(c, p, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                p = put(c, p, nano / 1000, 6);
            } else {
                p = put(c, p, nano, 9);
            }
        }
        c[p++] = 'Z';
        return new String(c, 0, p);
    }

    private static int put(char[] c, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return at + width;
    }

    private static byte[] sha256(byte[] data) {
        return SHA_256.get().digest(data); // digest() resets the instance for the next use
    }

    /**
     * Reads a stored event and computes the hash its content gives, in one pass when the entry is in
     * canonical form (hashing the stored bytes without the {@code hash} member); otherwise as
     * {@link #read} followed by {@link #computeHash}. Either way the result is the same.
     *
     * @param json the stored bytes
     * @return the event and its content hash
     * @throws FormatException with {@link ErrorCode#AUDIT_EVENT_MALFORMED}
     */
    public static Decoded readAndHash(Bytes json) {
        byte[] stored = json.toByteArray();
        Decoded fast = readCanonical(stored);
        if (fast != null) {
            return fast;
        }
        AuditEvent e = readStrict(stored);
        return new Decoded(e, computeHash(e));
    }

    /**
     * Fast path: proposes an event with a lenient scanner and accepts it only when the stored bytes are
     * exactly its canonical encoding, which is what the strict path would decode back to this event.
     */
    private static Decoded readCanonical(byte[] stored) {
        if (stored.length > FAST_PATH_MAX_BYTES) {
            return null; // leave the size limits to the strict parser
        }
        AuditEventScanner scanner = new AuditEventScanner(stored);
        AuditEvent e = scanner.scan();
        if (e == null || !scanner.hashText.equals(e.hash().toString())) {
            return null;
        }
        Body body;
        try {
            body = body(e);
        } catch (RuntimeException ex) {
            return null;
        }
        int split = body.split();
        int hashLength = scanner.hashEnd - scanner.hashStart;
        if (scanner.hashStart != split || stored.length != body.bytes().length + hashLength
                || !Arrays.equals(stored, 0, split, body.bytes(), 0, split)
                || !Arrays.equals(stored, scanner.hashEnd, stored.length, body.bytes(), split, body.bytes().length)) {
            return null;
        }
        return new Decoded(e, Digest.ofSha256(sha256(body.bytes())));
    }

    /**
     * Reads an event as stored; does not check its hash (see the audit chain verifier).
     *
     * @param json the stored bytes
     * @return the event
     * @throws FormatException with {@link ErrorCode#AUDIT_EVENT_MALFORMED}
     */
    public static AuditEvent read(Bytes json) {
        byte[] stored = json.toByteArray();
        Decoded fast = readCanonical(stored);
        return fast != null ? fast.event() : readStrict(stored);
    }

    private static AuditEvent readStrict(byte[] json) {
        try {
            JsonObject o = Json.parseObject(json, CodecSupport.LIMITS);
            Map<String, String> attributes = new TreeMap<>();
            for (Map.Entry<String, JsonValue> a : o.requireObject("attributes").members().entrySet()) {
                if (!(a.getValue() instanceof JsonString s)) {
                    throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "attribute \"" + a.getKey() + "\" is not a string");
                }
                attributes.put(a.getKey(), s.value());
            }
            return new AuditEvent(o.requireLong("seq"),
                    CodecSupport.instant(o.requireString("timestamp"), "timestamp"),
                    AuditEventType.ofWireName(o.requireString("type")),
                    o.requireString("actor"),
                    o.requireString("subject"),
                    o.optString("payloadDigest").map(d -> CodecSupport.digest(d, "payloadDigest")).orElse(null),
                    o.optString("manifestSignatureId").orElse(null),
                    attributes,
                    CodecSupport.digest(o.requireString("prevHash"), "prevHash"),
                    CodecSupport.digest(o.requireString("hash"), "hash"));
        } catch (IdeaException | IllegalArgumentException e) {
            throw new FormatException(ErrorCode.AUDIT_EVENT_MALFORMED, e.getMessage(), e);
        }
    }
}
