package dev.idea.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import dev.idea.testkit.IdeaArbitraries;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The single-pass audit event codec against the tree-based reference it replaced: same bytes, same
 * hashes, and the same decoding (or the same refusal) for canonical, non-canonical and damaged entries.
 */
class AuditEventCodecFastPathTest {

    @Provide
    Arbitrary<AuditEvent> events() {
        return IdeaArbitraries.auditEvents();
    }

    @Property(tries = 300)
    void write_anyEvent_equalsTreeBasedCanonicalJson(@ForAll("events") AuditEvent e) {
        assertThat(AuditEventCodec.write(e).toByteArray()).isEqualTo(referenceWrite(e));
        assertThat(AuditEventCodec.computeHash(e)).isEqualTo(referenceHash(e));
    }

    @Property(tries = 300)
    void sealAndWrite_anyEvent_equalsSealThenWrite(@ForAll("events") AuditEvent e) {
        AuditEventCodec.Sealed s = AuditEventCodec.sealAndWrite(e.seq(), e.timestamp(), e.type(), e.actor(), e.subject(),
                e.payloadDigest(), e.manifestSignatureId(), e.attributes(), e.prevHash());
        assertThat(s.event().hash()).isEqualTo(referenceHash(s.event()));
        assertThat(s.json().toByteArray()).isEqualTo(referenceWrite(s.event()));
        assertThat(s.event()).isEqualTo(AuditEventCodec.seal(e.seq(), e.timestamp(), e.type(), e.actor(), e.subject(),
                e.payloadDigest(), e.manifestSignatureId(), e.attributes(), e.prevHash()));
    }

    @Property(tries = 300)
    void readAndHash_canonicalEntry_returnsEventAndContentHash(@ForAll("events") AuditEvent e) {
        AuditEventCodec.Decoded d = AuditEventCodec.readAndHash(AuditEventCodec.write(e));
        assertThat(d.event()).isEqualTo(e);
        assertThat(d.contentHash()).isEqualTo(referenceHash(e));
    }

    @Property(tries = 300)
    void readAndHash_nonCanonicalEntry_decodesAsStrictParser(@ForAll("events") AuditEvent e) {
        String canonical = new String(AuditEventCodec.write(e).toByteArray(), StandardCharsets.UTF_8);
        // whitespace and an escaped letter keep the meaning but leave canonical form
        Bytes spaced = Bytes.utf8(canonical.replace(",\"seq\":", ", \"seq\" : "));
        Bytes escaped = Bytes.utf8(canonical.replace("\"type\":\"", "\"type\":\"\\u00").replaceFirst(
                "\"type\":\"\\\\u00(.)", "\"type\":\"\\\\u00" + hex(e.type().wireName().charAt(0))));
        for (Bytes variant : new Bytes[] {spaced, escaped}) {
            AuditEventCodec.Decoded d = AuditEventCodec.readAndHash(variant);
            assertThat(d.event()).isEqualTo(e);
            assertThat(d.contentHash()).isEqualTo(referenceHash(e));
            assertThat(AuditEventCodec.read(variant)).isEqualTo(e);
        }
    }

    @Property(tries = 1000)
    void read_damagedEntry_behavesAsStrictParser(@ForAll("events") AuditEvent e,
                                                @ForAll @IntRange(min = 0, max = 10_000) int position,
                                                @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] b = AuditEventCodec.write(e).toByteArray();
        b[position % b.length] ^= (byte) flip;
        Bytes damaged = Bytes.of(b);
        AuditEvent expected;
        try {
            expected = referenceRead(b);
        } catch (FormatException ex) {
            assertThatThrownBy(() -> AuditEventCodec.read(damaged)).isInstanceOf(FormatException.class)
                    .extracting(t -> ((FormatException) t).errorCode()).isEqualTo(ErrorCode.AUDIT_EVENT_MALFORMED);
            assertThatThrownBy(() -> AuditEventCodec.readAndHash(damaged)).isInstanceOf(FormatException.class);
            return;
        }
        assertThat(AuditEventCodec.read(damaged)).isEqualTo(expected);
        AuditEventCodec.Decoded d = AuditEventCodec.readAndHash(damaged);
        assertThat(d.event()).isEqualTo(expected);
        assertThat(d.contentHash()).isEqualTo(referenceHash(expected));
    }

    @Property(tries = 300)
    void readLink_canonicalEntry_agreesWithReadAndHash(@ForAll("events") AuditEvent e) {
        Bytes stored = AuditEventCodec.write(e);
        AuditEventCodec.Link link = AuditEventCodec.readLink(stored);
        StringBuilder texts = new StringBuilder(e.actor()).append(e.subject())
                .append(e.manifestSignatureId() == null ? "" : e.manifestSignatureId());
        e.attributes().forEach((k, v) -> texts.append(k).append(v));
        if (texts.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\')) {
            assertThat(link).isNotNull();
        }
        if (link != null) {
            assertThat(link).isEqualTo(new AuditEventCodec.Link(e.seq(), e.prevHash(), e.hash(), referenceHash(e)));
        }
    }

    @Property(tries = 1000)
    void readLink_damagedEntry_isNullOrAgreesWithTheStrictParser(@ForAll("events") AuditEvent e,
                                                                 @ForAll @IntRange(min = 0, max = 10_000) int position,
                                                                 @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] b = AuditEventCodec.write(e).toByteArray();
        b[position % b.length] ^= (byte) flip;
        AuditEventCodec.Link link = AuditEventCodec.readLink(Bytes.of(b));
        if (link != null) {
            AuditEvent expected = referenceRead(b);
            assertThat(link).isEqualTo(new AuditEventCodec.Link(expected.seq(), expected.prevHash(), expected.hash(),
                    referenceHash(expected)));
        }
    }

    @Test
    void readLink_fieldsAnEventRefuses_returnsNullAndReadReportsThem() {
        AuditEvent e = AuditEventCodec.seal(3, Instant.parse("2026-01-31T12:00:00Z"), AuditEventType.SUBMIT, "alice",
                "mf_1", null, null, Map.of("k", "v"), AuditEvent.GENESIS_PREV_HASH);
        String canonical = new String(AuditEventCodec.write(e).toByteArray(), StandardCharsets.UTF_8);
        for (String bad : new String[] {"\"actor\":\"   \"", "\"actor\":\"\"", "\"actor\":\"al\u007fice\"",
                "\"actor\":\"" + "a".repeat(257) + "\""}) {
            Bytes entry = Bytes.utf8(canonical.replace("\"actor\":\"alice\"", bad));
            assertThat(AuditEventCodec.readLink(entry)).as(bad).isNull();
            assertThatThrownBy(() -> AuditEventCodec.read(entry)).as(bad).isInstanceOf(FormatException.class);
        }
        Bytes unknownType = Bytes.utf8(canonical.replace("\"type\":\"submit\"", "\"type\":\"submitted\""));
        assertThat(AuditEventCodec.readLink(unknownType)).isNull();
        assertThatThrownBy(() -> AuditEventCodec.read(unknownType)).isInstanceOf(FormatException.class);
        Bytes longest = Bytes.utf8(canonical.replace("\"actor\":\"alice\"", "\"actor\":\"" + "a".repeat(256) + "\""));
        assertThat(AuditEventCodec.readLink(longest)).isNotNull();
    }

    @Property(tries = 1000)
    void canonicalInstant_instantToString_parsesToTheInstant(@ForAll @LongRange(min = -62_000_000_000L, max = 253_000_000_000L) long seconds,
                                                             @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                             @ForAll @IntRange(min = 0, max = 3) int round) {
        int n = round == 0 ? nanos : round == 1 ? nanos / 1_000_000 * 1_000_000 : round == 2 ? nanos / 1000 * 1000 : 0;
        Instant i = Instant.ofEpochSecond(seconds, n);
        assertThat(canonicalInstant(i.toString())).isEqualTo(i);
    }

    @Property(tries = 2000)
    void canonicalInstant_anyFractionWidth_acceptsExactlyInstantToString(
            @ForAll @LongRange(min = -62_000_000_000L, max = 253_000_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int width,
            @ForAll @IntRange(min = 0, max = 3) int round) {
        int n = round == 0 ? nanos : round == 1 ? nanos / 1_000_000 * 1_000_000 : round == 2 ? nanos / 1000 * 1000 : 0;
        Instant whole = Instant.ofEpochSecond(seconds);
        String digits = String.format("%09d", n).substring(0, width);
        String text = whole.toString().replace("Z", width == 0 ? "Z" : "." + digits + "Z");
        Instant parsed = Instant.parse(text);
        Instant fast = canonicalInstant(text);
        if (text.equals(parsed.toString())) {
            assertThat(fast).as(text).isEqualTo(parsed);
        } else {
            assertThat(fast).as(text).isNull();
        }
    }

    @Property(tries = 2000)
    void timestampText_anyInstant_equalsInstantToString(@ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long seconds,
                                                        @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                        @ForAll @IntRange(min = 0, max = 3) int round) {
        int n = round == 0 ? nanos : round == 1 ? nanos / 1_000_000 * 1_000_000 : round == 2 ? nanos / 1000 * 1000 : 0;
        Instant i = Instant.ofEpochSecond(seconds, n);
        assertThat(AuditEventCodec.timestampText(i)).isEqualTo(i.toString());
    }

    @Test
    void timestampText_edges_equalInstantToString() {
        for (Instant i : new Instant[] {Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("1969-12-31T23:59:59.000001Z")}) {
            assertThat(AuditEventCodec.timestampText(i)).isEqualTo(i.toString());
        }
    }

    @Test
    void canonicalInstant_otherForms_areRefused() {
        for (String t : new String[] {"2026-01-31T12:00:00.5Z", "2026-01-31T12:00:00.120000Z",
                "+12026-01-31T12:00:00Z", "2024-02-29T23:59:59.000Z", "2026-02-30T12:00:00Z", "2026-13-01T12:00:00Z",
                "2026-01-31T24:00:00Z", "2026-01-31T12:00:60Z", "2026-01-31 12:00:00Z", "2026-01-31T12:00:00+00:00", ""}) {
            assertThat(canonicalInstant(t)).as(t).isNull();
        }
        assertThat(canonicalInstant("2024-02-29T23:59:59.001Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.001Z"));
        assertThat(canonicalInstant("0000-01-01T00:00:00Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
    }

    @Test
    void readAndHash_storedHashWrong_reportsContentHashNotStoredHash() {
        AuditEvent e = AuditEventCodec.seal(3, Instant.parse("2026-01-31T12:00:00Z"), AuditEventType.SUBMIT, "alice",
                "mf_1", null, null, Map.of("k", "v"), AuditEvent.GENESIS_PREV_HASH);
        AuditEvent forged = new AuditEvent(e.seq(), e.timestamp(), e.type(), e.actor(), e.subject(), null, null,
                e.attributes(), e.prevHash(), AuditEvent.GENESIS_PREV_HASH);
        AuditEventCodec.Decoded d = AuditEventCodec.readAndHash(AuditEventCodec.write(forged));
        assertThat(d.event()).isEqualTo(forged);
        assertThat(d.contentHash()).isEqualTo(e.hash());
    }

    @Test
    void write_seqAbove2To53_isRefusedAsBefore() {
        AuditEvent e = new AuditEvent((1L << 53) + 1, Instant.EPOCH, AuditEventType.SUBMIT, "a", "s", null, null,
                Map.of(), AuditEvent.GENESIS_PREV_HASH, AuditEvent.GENESIS_PREV_HASH);
        assertThatThrownBy(() -> AuditEventCodec.write(e)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
    }

    private static Instant canonicalInstant(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return AuditEventScanner.canonicalInstant(b, 0, b.length);
    }

    private static String hex(char c) {
        return String.format("%02x", (int) c);
    }

    // The tree-based codec this fast path replaced, kept here as the reference.

    private static JsonObject.Builder referenceBody(AuditEvent e) {
        JsonObject.Builder attributes = JsonObject.builder();
        e.attributes().forEach(attributes::put);
        return JsonObject.builder()
                .put("seq", e.seq())
                .put("timestamp", e.timestamp().toString())
                .put("type", e.type().wireName())
                .put("actor", e.actor())
                .put("subject", e.subject())
                .putIfNotNull("payloadDigest", e.payloadDigest() == null ? null : e.payloadDigest().toString())
                .putIfNotNull("manifestSignatureId", e.manifestSignatureId())
                .put("attributes", attributes.build())
                .put("prevHash", e.prevHash().toString());
    }

    private static byte[] referenceWrite(AuditEvent e) {
        return Json.write(referenceBody(e).put("hash", e.hash().toString()).build());
    }

    private static Digest referenceHash(AuditEvent e) {
        return Digest.sha256(Bytes.of(Json.write(referenceBody(e).build())));
    }

    private static AuditEvent referenceRead(byte[] json) {
        try {
            JsonObject o = Json.parseObject(json, CodecSupport.LIMITS);
            Map<String, String> attributes = new TreeMap<>();
            for (Map.Entry<String, JsonValue> a : o.requireObject("attributes").members().entrySet()) {
                if (!(a.getValue() instanceof JsonString s)) {
                    throw new FormatException(ErrorCode.JSON_SCHEMA_VIOLATION, "attribute is not a string");
                }
                attributes.put(a.getKey(), s.value());
            }
            return new AuditEvent(o.requireLong("seq"), CodecSupport.instant(o.requireString("timestamp"), "timestamp"),
                    AuditEventType.ofWireName(o.requireString("type")), o.requireString("actor"), o.requireString("subject"),
                    o.optString("payloadDigest").map(d -> CodecSupport.digest(d, "payloadDigest")).orElse(null),
                    o.optString("manifestSignatureId").orElse(null), attributes,
                    CodecSupport.digest(o.requireString("prevHash"), "prevHash"),
                    CodecSupport.digest(o.requireString("hash"), "hash"));
        } catch (IdeaException | IllegalArgumentException ex) {
            throw new FormatException(ErrorCode.AUDIT_EVENT_MALFORMED, ex.getMessage(), ex);
        }
    }
}
