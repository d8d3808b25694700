package dev.idea.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.NoteKey;
import dev.idea.api.Release;
import dev.idea.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** idea.audit.event-signatures=true through the engine: signed chain, signed JSONL export, bundles with event signatures. */
class IdeaAuditSignatureTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:00:00Z"));

    private Idea.Builder embedded(boolean signatures) {
        return Idea.builder().dataDirectory(dir).kms("local")
                .property("idea.kms.local.generate-missing", "ed25519")
                .property("idea.audit.origin", "example.com/idea-audit")
                .property("idea.audit.event-signatures", Boolean.toString(signatures))
                .clock(clock).environment(Map.of());
    }

    private static Release submit(Idea idea, String version) {
        return idea.submit(IdeaPipelineTest.submission(TestPackages.service(), version));
    }

    @Test
    void build_eventSignaturesOn_signsTheChainAndItsExport() {
        try (Idea idea = embedded(true).build()) {
            submit(idea, "1.0.0");
            List<AuditEvent> events = idea.auditEvents(0, 100);
            assertThat(events.get(0).type()).isEqualTo(AuditEventType.AUDIT_SIGNING);
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            idea.exportAuditJsonl(out);
            assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).allSatisfy(l -> assertThat(l).contains("\"sig\":{"));
            NoteKey key = idea.checkpointKey().orElseThrow();
            assertThat(Idea.formats().verifyAuditExport(new ByteArrayInputStream(out.toByteArray()), List.of(), List.of(key.key()))
                    .eventCount()).isEqualTo(5);
        }
    }

    @Test
    void build_eventSignaturesInvalidValue_refusedNamingTheProperty() {
        assertThatThrownBy(() -> embedded(true).property("idea.audit.event-signatures", "yes").build())
                .hasMessageStartingWith(ErrorCode.CONFIG_INVALID.code()).hasMessageContaining("idea.audit.event-signatures");
    }

    @Test
    void evidenceBundle_withEventSignatures_verifiesAndABadOneIsRefused() throws Exception {
        try (Idea idea = embedded(true).build()) {
            Release release = submit(idea, "1.0.0");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            idea.exportEvidenceBundle(release.manifest().manifestId(), out);
            IdeaFormats f = Idea.formats();
            assertThat(f.verifyEvidenceBundle(new ByteArrayInputStream(out.toByteArray()), List.of()).eventCount()).isEqualTo(4);
            String json = IdeaAuditTest.gunzip(out.toByteArray());
            Matcher sig = Pattern.compile("\"sig\":\"([A-Za-z0-9+/=]+)\"").matcher(json);
            assertThat(sig.find()).isTrue();
            sig.find();
            byte[] raw = Base64.getDecoder().decode(sig.group(1));
            raw[5] ^= 0x10;
            String tampered = json.substring(0, sig.start(1)) + Base64.getEncoder().encodeToString(raw) + json.substring(sig.end(1));
            assertThatThrownBy(() -> f.verifyEvidenceBundle(new ByteArrayInputStream(IdeaAuditTest.gzip(tampered)), List.of()))
                    .hasMessageStartingWith(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID.code()).hasMessageContaining("events[1] (seq 2)");
        }
    }

    @Test
    void build_switchedOff_recordsTheSwitchAndKeepsVerifying() {
        try (Idea idea = embedded(true).build()) {
            submit(idea, "1.0.0");
        }
        try (Idea idea = embedded(false).build()) {
            submit(idea, "1.0.1");
            AuditEvent off = idea.auditEvents(5, 1).get(0);
            assertThat(off.type()).isEqualTo(AuditEventType.AUDIT_SIGNING);
            assertThat(off.attributes()).containsEntry("state", "off");
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(10);
        }
    }
}
