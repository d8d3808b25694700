package dev.idea.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final Digest D = Digest.sha256(Bytes.utf8("pkg"));

    private static Manifest.Builder complete() {
        return Manifest.builder().manifestId("mf-1").type("service-release").target("payments-api").version("1.4.2")
                .impact(Impact.HIGH).rationale("fix").artifact(new ArtifactRef(D, 10, "application/gzip", "blob:" + D))
                .timestamp(Instant.parse("2026-01-01T00:00:00Z")).proposedBy("alice");
    }

    @Test
    void build_completeBuilder_givesTheManifest() {
        Manifest m = complete().build();
        assertEquals("payments-api", m.target());
        assertNull(m.previousManifestDigest());
        assertTrue(m.preconditions().isEmpty());
    }

    @Test
    void build_missingField_namesTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Manifest.builder().manifestId("x").type("t").version("1").impact(Impact.LOW).rationale("r")
                        .artifact(new ArtifactRef(D, 1, "m", "l")).timestamp(Instant.EPOCH).proposedBy("p").build());
        assertEquals(ErrorCode.MANIFEST_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void setters_refuseBadValuesAtOnce() {
        assertThrows(ValidationException.class, () -> Manifest.builder().target(" "));
        assertThrows(ValidationException.class, () -> Manifest.builder().target("a\nb"));
        assertThrows(ValidationException.class, () -> Manifest.builder().target("x".repeat(257)));
        assertThrows(ValidationException.class, () -> new ArtifactRef(D, 0, "m", "l"));
    }

    @Test
    void rationale_blankOrTooLong_isRefused() {
        assertThrows(ValidationException.class, () -> complete().rationale(" ").build());
        assertThrows(ValidationException.class, () -> complete().rationale("x".repeat(4097)).build());
    }

    @Test
    void message_startsWithCodeAndName() {
        IdeaException e = new VerificationException(ErrorCode.SIGNER_UNKNOWN, "signer \"x\" is unknown");
        assertEquals("IDEA-2003 SIGNER_UNKNOWN: signer \"x\" is unknown", e.getMessage());
    }
}
