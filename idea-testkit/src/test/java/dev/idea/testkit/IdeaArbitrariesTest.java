package dev.idea.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.Manifest;
import dev.idea.api.PackageSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;

class IdeaArbitrariesTest {
    private static final Bytes CONTENT = Bytes.utf8("package bytes");

    @Provide
    Arbitrary<Manifest> manifests() {
        return IdeaArbitraries.manifests();
    }

    @Provide
    Arbitrary<AuditEvent> auditEvents() {
        return IdeaArbitraries.auditEvents();
    }

    @Provide
    Arbitrary<PackageSubmission> submissions() {
        return IdeaArbitraries.submissions(CONTENT);
    }

    @Property
    void manifests_anyGenerated_passesItsOwnValidationWhenRebuilt(@ForAll("manifests") Manifest m) {
        Manifest rebuilt = new Manifest(m.manifestId(), m.type(), m.target(), m.version(), m.impact(), m.rationale(),
                m.preconditions(), m.artifact(), m.timestamp(), m.proposedBy(), m.previousManifestDigest());
        assertEquals(m, rebuilt);
    }

    @Property
    void manifests_anyGenerated_hasSaneFields(@ForAll("manifests") Manifest m) {
        assertFalse(m.timestamp().isBefore(IdeaArbitraries.MIN_TIMESTAMP));
        assertFalse(m.timestamp().isAfter(IdeaArbitraries.MAX_TIMESTAMP));
        assertEquals(0, m.timestamp().getNano() % 1_000_000, "millisecond precision");
        assertEquals(HashAlgorithm.SHA_256, m.artifact().digest().algorithm());
        assertEquals(32, m.artifact().digest().value().size());
        assertTrue(m.artifact().size() >= 1);
        assertTrue(m.preconditions().size() <= 4);
        assertTrue(m.rationale().length() <= Manifest.MAX_RATIONALE_LENGTH);
        if (m.previousManifestDigest() != null) {
            assertEquals(32, m.previousManifestDigest().value().size());
        }
    }

    @Property
    void manifests_anyGenerated_textsRoundTripThroughStrictUtf8(@ForAll("manifests") Manifest m) {
        for (String text : List.of(m.manifestId(), m.target(), m.rationale(), m.proposedBy())) {
            assertEquals(text, Bytes.utf8(text).utf8String(), "lone surrogate in " + text);
            assertTrue(text.chars().noneMatch(Character::isISOControl), "control character in " + text);
        }
    }

    @Property
    void sha256Digests_anyGenerated_parsesBackFromItsString(@ForAll("digests") Digest digest) {
        assertEquals(digest, Digest.parse(digest.toString()));
    }

    @Provide
    Arbitrary<Digest> digests() {
        return IdeaArbitraries.sha256Digests();
    }

    @Property
    void auditEvents_anyGenerated_keepsAttributesSorted(@ForAll("auditEvents") AuditEvent e) {
        List<String> keys = new ArrayList<>(e.attributes().keySet());
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
        assertTrue(e.seq() >= 0);
        if (e.manifestSignatureId() != null) {
            assertTrue(e.manifestSignatureId().matches("msig_[0-9a-f]{32}"), e.manifestSignatureId());
        }
    }

    @Property
    void submissions_anyGenerated_carryContentAndCorrectChecksum(@ForAll("submissions") PackageSubmission s) {
        assertEquals(CONTENT, s.content());
        assertTrue(s.expectedSha256() == null || s.expectedSha256().equals(Digest.sha256(CONTENT)));
    }

    @Example
    void manifests_sameSeed_sameValues() {
        assertEquals(sample(42L), sample(42L));
    }

    private static List<Manifest> sample(long seed) {
        RandomGenerator<Manifest> generator = IdeaArbitraries.manifests().generator(100);
        Random random = new Random(seed);
        List<Manifest> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(generator.next(random).value());
        }
        return values;
    }
}
