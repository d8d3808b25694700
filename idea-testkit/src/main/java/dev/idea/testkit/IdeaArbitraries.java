package dev.idea.testkit;

import dev.idea.api.ArtifactRef;
import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Precondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of IDEA values that are valid by construction: every generated value passes its
 * type's compact-constructor checks.
 *
 * <p>Generators draw only from jqwik's random source, so a property run is reproduced exactly by
 * its seed. Texts mix ASCII (including {@code "} and {@code \}), Latin-1, Greek, Cyrillic, CJK and
 * characters outside the BMP (as surrogate pairs); they never contain control characters or lone
 * surrogates. Timestamps lie in [{@link #MIN_TIMESTAMP}, {@link #MAX_TIMESTAMP}] with millisecond
 * precision.
 *
 * <p>Thread-safe: every method returns a new, immutable arbitrary.
 *
 * @since 0.1
 */
public final class IdeaArbitraries {

    /** Earliest generated timestamp. */
    public static final Instant MIN_TIMESTAMP = Instant.parse("2000-01-01T00:00:00Z");

    /** Latest generated timestamp. */
    public static final Instant MAX_TIMESTAMP = Instant.parse("2099-12-31T23:59:59.999Z");

    private static final List<String> MEDIA_TYPES = List.of("application/gzip", "application/zip",
            "application/x-tar", "application/octet-stream", "application/java-archive");
    private static final List<String> CHANGE_TYPES = List.of("service-release", "config-change",
            "schema-migration", "feature-flag", "library-release");

    private IdeaArbitraries() {
    }

    /**
     * Identifier-like strings: a lowercase letter or digit, then up to 39 of {@code a-z 0-9 . _ -}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> identifiers() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('0', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("._-").ofMaxLength(39);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    /**
     * Non-blank single-line texts of 1 to {@code maxLength} UTF-16 chars (so a supplementary
     * character counts twice), without control characters or lone surrogates.
     *
     * @param maxLength at least 2
     * @return the arbitrary
     */
    public static Arbitrary<String> texts(int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
        }
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0xA0, 0xFF)),
                Tuple.of(2, Arbitraries.integers().between(0x370, 0x4FF)),
                Tuple.of(1, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)));
        return codePoints.list().ofMinSize(1).ofMaxSize(maxLength / 2)
                .map(IdeaArbitraries::fromCodePoints)
                .filter(s -> !s.isBlank());
    }

    /**
     * SHA-256 digests of 32 arbitrary bytes.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Digest> sha256Digests() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Digest::ofSha256);
    }

    /**
     * Instants in [{@link #MIN_TIMESTAMP}, {@link #MAX_TIMESTAMP}], whole milliseconds.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Instant> timestamps() {
        return Arbitraries.longs().between(MIN_TIMESTAMP.toEpochMilli(), MAX_TIMESTAMP.toEpochMilli())
                .map(Instant::ofEpochMilli);
    }

    /**
     * Versions of the form {@code major.minor.patch}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> versions() {
        Arbitrary<Integer> part = Arbitraries.integers().between(0, 99);
        return Combinators.combine(part, part, part).as((a, b, c) -> a + "." + b + "." + c);
    }

    /**
     * Preconditions: mostly validation-report digests, otherwise any kind with a text value.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Precondition> preconditions() {
        Arbitrary<Precondition> reports = sha256Digests()
                .map(d -> new Precondition(Precondition.VALIDATION_REPORT, d.toString()));
        Arbitrary<Precondition> others = Combinators.combine(identifiers(), texts(80)).as(Precondition::new);
        return Arbitraries.oneOf(reports, others);
    }

    /**
     * Artifact references: a SHA-256 digest, a size from 1 byte to 1 TiB, a common media type, and
     * the location {@code blob:<digest>}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<ArtifactRef> artifactRefs() {
        return Combinators.combine(sha256Digests(), Arbitraries.longs().between(1, 1L << 40), Arbitraries.of(MEDIA_TYPES))
                .as((digest, size, mediaType) -> new ArtifactRef(digest, size, mediaType, "blob:" + digest));
    }

    /**
     * Valid manifests: every field generated as above, up to 4 preconditions, rationale up to 300
     * chars, and a previous-manifest digest present about two times in three.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Manifest> manifests() {
        Arbitrary<Digest> previous = sha256Digests().injectNull(0.35);
        Arbitrary<ManifestTail> tail = Combinators.combine(artifactRefs(), timestamps(), identifiers(), previous)
                .as(ManifestTail::new);
        return Combinators.combine(identifiers(), Arbitraries.of(CHANGE_TYPES), identifiers(), versions(),
                        Arbitraries.of(Impact.class), texts(300), preconditions().list().ofMaxSize(4), tail)
                .as((id, type, target, version, impact, rationale, preconditions, t) -> new Manifest(id, type, target,
                        version, impact, rationale, preconditions, t.artifact(), t.timestamp(), t.proposedBy(),
                        t.previous()));
    }

    /**
     * Audit events that pass the constructor's checks. Their hashes are random: they do not link to
     * each other or match their content, so use them for codecs and storage, not chain verification.
     *
     * @return the arbitrary
     */
    public static Arbitrary<AuditEvent> auditEvents() {
        Arbitrary<String> signatureIds = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)
                .map(hex -> "msig_" + hex).injectNull(0.5);
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(identifiers(), texts(80)).ofMaxSize(4);
        Arbitrary<EventTail> tail = Combinators.combine(attributes, sha256Digests(), sha256Digests())
                .as(EventTail::new);
        return Combinators.combine(Arbitraries.longs().between(0, 1_000_000_000L), timestamps(),
                        Arbitraries.of(AuditEventType.class), identifiers(), identifiers(),
                        sha256Digests().injectNull(0.3), signatureIds, tail)
                .as((seq, time, type, actor, subject, payload, msig, t) -> new AuditEvent(seq, time, type, actor,
                        subject, payload, msig, t.attributes(), t.prevHash(), t.hash()));
    }

    /**
     * Submissions of the given bytes with random facts; {@code expectedSha256} is either absent or
     * the true SHA-256 of {@code content}.
     *
     * @param content the package bytes every submission carries
     * @return the arbitrary
     */
    public static Arbitrary<PackageSubmission> submissions(Bytes content) {
        Objects.requireNonNull(content, "content");
        Digest expected = Digest.sha256(content);
        Arbitrary<SubmissionTail> tail = Combinators.combine(identifiers(), Arbitraries.of(MEDIA_TYPES),
                Arbitraries.of(true, false)).as(SubmissionTail::new);
        return Combinators.combine(Arbitraries.of(CHANGE_TYPES), identifiers(), versions(),
                        Arbitraries.of(Impact.class), texts(300), tail)
                .as((type, target, version, impact, rationale, t) -> {
                    PackageSubmission.Builder builder = PackageSubmission.ofBytes(content).type(type).target(target)
                            .version(version).impact(impact).rationale(rationale).proposedBy(t.proposedBy())
                            .mediaType(t.mediaType());
                    return (t.withChecksum() ? builder.expectedSha256(expected) : builder).build();
                });
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        var text = new StringBuilder(codePoints.size() * 2);
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    private record ManifestTail(ArtifactRef artifact, Instant timestamp, String proposedBy, Digest previous) {
    }

    private record EventTail(Map<String, String> attributes, Digest prevHash, Digest hash) {
    }

    private record SubmissionTail(String proposedBy, String mediaType, boolean withChecksum) {
    }
}
