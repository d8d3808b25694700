package dev.idea.core.codec;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.HashAlgorithm;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
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
        Map<String, String> sorted = new TreeMap<>(attributes);
        AuditEventEncoder body;
        try {
            body = AuditEventEncoder.get().body(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId,
                    sorted, prevHash);
        } catch (RuntimeException e) {
            // report an invalid field as the event would, before what the encoder refuses
            new AuditEvent(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId, sorted, prevHash,
                    AuditEvent.GENESIS_PREV_HASH);
            throw e;
        }
        Digest hash = Digest.ofSha256(body.hash(SHA_256.get()));
        AuditEvent event = new AuditEvent(seq, timestamp, type, actor, subject, payloadDigest, manifestSignatureId,
                sorted, prevHash, hash);
        return new Sealed(event, body.withHash(hash));
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
        return Digest.ofSha256(body(event).hash(SHA_256.get()));
    }

    /**
     * Writes an event, hash included, as canonical JSON.
     *
     * @param event the event
     * @return the bytes
     */
    public static Bytes write(AuditEvent event) {
        return body(event).withHash(event.hash());
    }

    private static AuditEventEncoder body(AuditEvent e) {
        return AuditEventEncoder.get().body(e.seq(), e.timestamp(), e.type(), e.actor(), e.subject(), e.payloadDigest(),
                e.manifestSignatureId(), e.attributes(), e.prevHash());
    }

    /**
     * Returns exactly {@link Instant#toString} (ISO_INSTANT: seconds always, fraction in groups of
     * three digits, none when zero), without its per-call formatter for years 0000 to 9999.
     */
    static String timestampText(Instant t) {
        byte[] text = new byte[30];
        int end = AuditEventEncoder.timestamp(t, text, 0);
        return end < 0 ? t.toString() : new String(text, 0, end, StandardCharsets.ISO_8859_1);
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
     * Fast path: reads the event only when the stored bytes are exactly its canonical encoding (which
     * the strict path would decode to the same event), and hashes them without the {@code hash} member.
     */
    private static Decoded readCanonical(byte[] stored) {
        AuditEventScanner scanner = new AuditEventScanner(stored);
        AuditEvent e = walk(scanner, stored) ? scanner.event() : null;
        return e == null ? null : new Decoded(e, contentHash(stored, scanner));
    }

    /** SHA-256 of the stored bytes without the {@code hash} member: the content hash of a canonical entry. */
    private static Digest contentHash(byte[] stored, AuditEventScanner scanner) {
        MessageDigest sha256 = SHA_256.get();
        sha256.update(stored, 0, scanner.hashStart);
        sha256.update(stored, scanner.hashEnd, stored.length - scanner.hashEnd);
        return Digest.ofSha256(sha256.digest());
    }

    /** Whether the stored bytes are in canonical layout; the scanner then holds where each member is. */
    private static boolean walk(AuditEventScanner scanner, byte[] stored) {
        return stored.length <= FAST_PATH_MAX_BYTES && scanner.walk(); // leave the size limits to the strict parser
    }

    /**
     * Reads a stored event when the entry is exactly its canonical encoding (what {@link #write} gives).
     *
     * @param json the stored bytes
     * @return the event, or null for any other entry (then {@link #read} decodes it or reports it)
     */
    public static AuditEvent readIfCanonical(Bytes json) {
        byte[] stored = json.toByteArray();
        AuditEventScanner scanner = new AuditEventScanner(stored);
        return walk(scanner, stored) ? scanner.event() : null;
    }

    /**
     * What a chain replay links, read from a stored event without building it: its seq, prevHash and
     * hash, and the hash its content gives.
     *
     * @param seq the event's seq
     * @param prevHash its {@code prevHash}
     * @param hash its {@code hash} as stored
     * @param contentHash what {@link #computeHash} returns for it
     */
    public record Link(long seq, Digest prevHash, Digest hash, Digest contentHash) {
        /** Validates presence. */
        public Link {
            Objects.requireNonNull(prevHash, "prevHash");
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(contentHash, "contentHash");
        }
    }

    /**
     * Reads what a chain replay links from a stored event, when the entry is the canonical encoding of
     * a valid event (so that {@link #readAndHash} would return the same seq, hashes and content hash)
     * and that can be decided without building the event.
     *
     * @param json the stored bytes
     * @return the link, or null: then use {@link #readAndHash}, which decodes or reports the entry
     */
    public static Link readLink(Bytes json) {
        byte[] stored = json.toByteArray();
        AuditEventScanner scanner = new AuditEventScanner(stored);
        if (!walk(scanner, stored) || !scanner.linkable()) {
            return null;
        }
        return new Link(scanner.seq(), scanner.prevHash(), scanner.hash(), contentHash(stored, scanner));
    }

    /**
     * Reads an event as stored; does not check its hash (see the audit chain verifier).
     *
     * @param json the stored bytes
     * @return the event
     * @throws FormatException with {@link ErrorCode#AUDIT_EVENT_MALFORMED}
     */
    public static AuditEvent read(Bytes json) {
        AuditEvent fast = readIfCanonical(json);
        return fast != null ? fast : readStrict(json.toByteArray());
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
