package dev.idea.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Checkpoint;
import dev.idea.api.ErrorCode;
import dev.idea.api.EvidenceVerification;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.NoteKey;
import dev.idea.api.Release;
import dev.idea.api.WitnessPolicy;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.merkle.MerkleHash;
import dev.idea.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

class IdeaAuditTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:00:00Z"));

    private Idea.Builder embedded() {
        return Idea.builder().dataDirectory(dir).kms("local")
                .property("idea.kms.local.generate-missing", "ed25519")
                .property("idea.audit.origin", "example.com/idea-audit")
                .clock(clock).environment(Map.of());
    }

    private static Release submit(Idea idea, String version) {
        return idea.submit(IdeaPipelineTest.submission(TestPackages.service(), version));
    }

    @Test
    void proofs_fromStoredNodes_verifyAgainstASignedCheckpoint() {
        try (Idea idea = embedded().build()) {
            submit(idea, "1.0.0");
            submit(idea, "1.0.1");
            Checkpoint cp = idea.checkpoint();
            assertThat(cp.treeSize()).isEqualTo(8);
            NoteKey key = idea.checkpointKey().orElseThrow();
            Checkpoint verified = Idea.formats().verifyCheckpoint(cp.note(), List.of(key), WitnessPolicy.none());
            assertThat(verified.rootHash()).isEqualTo(cp.rootHash());
            List<AuditEvent> events = idea.auditEvents(0, 100);
            for (AuditEvent e : events) {
                InclusionProof p = idea.inclusionProof(e.seq(), cp.treeSize());
                p.verify(dev.idea.api.Digest.ofSha256(MerkleHash.leaf(e.hash().value().toByteArray())), cp.rootHash());
            }
            submit(idea, "1.0.2");
            Checkpoint later = idea.checkpoint();
            idea.consistencyProof(cp.treeSize(), later.treeSize()).verify(cp.rootHash(), later.rootHash());
            assertThat(idea.latestCheckpoint()).contains(later);
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(12);
        }
    }

    @Test
    void checkpoints_everyNEventsAndEveryT_areSignedAutomatically() {
        try (Idea idea = embedded().property("idea.audit.checkpoint.every-events", "8")
                .property("idea.audit.checkpoint.every", "PT1H").build()) {
            submit(idea, "1.0.0");
            assertThat(idea.latestCheckpoint()).isEmpty();
            submit(idea, "1.0.1");
            assertThat(idea.latestCheckpoint()).map(Checkpoint::treeSize).contains(8L);
            clock.advance(Duration.ofMinutes(61));
            submit(idea, "1.0.2");
            assertThat(idea.latestCheckpoint()).map(Checkpoint::treeSize).contains(12L);
        }
    }

    @Test
    void anchoring_recordsTheKernelsReceiptAsAnAuditEvent() {
        try (Idea idea = embedded().property("idea.audit.anchor", "true").build()) {
            submit(idea, "1.0.0");
            idea.checkpoint();
            List<AuditEvent> events = idea.auditEvents(0, 100);
            AuditEvent anchor = events.get(events.size() - 1);
            assertThat(anchor.type()).isEqualTo(AuditEventType.ANCHOR);
            assertThat(anchor.attributes()).containsKeys("anchorId", "treeSize", "rootHash", "signature");
            assertThat(anchor.attributes().get("anchorId")).startsWith("anc_");
            assertThat(anchor.attributes().get("treeSize")).isEqualTo("4");
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(5);
        }
    }

    @Test
    void evidenceBundle_exportedAndVerifiedOffline() {
        try (Idea idea = embedded().build()) {
            submit(idea, "1.0.0");
            Release r = submit(idea, "1.0.1");
            byte[] bundle = export(idea, r.manifest().manifestId());
            NoteKey key = idea.checkpointKey().orElseThrow();
            EvidenceVerification v = Idea.formats().verifyEvidenceBundle(new ByteArrayInputStream(bundle), List.of(key));
            assertThat(v.manifestId()).isEqualTo(r.manifest().manifestId());
            assertThat(v.eventCount()).isEqualTo(4);
            assertThat(v.manifestSignatureId()).isEqualTo(r.manifestSignatureId());
            assertThat(v.logKey()).isEqualTo(key.verifierKey());
            assertThat(Idea.formats().verifyEvidenceBundle(new ByteArrayInputStream(bundle), List.of()).eventCount()).isEqualTo(4);
        }
    }

    @Test
    void evidenceBundle_truncatedWrongKeyOrForeignProof_refusedWithItsCode() throws Exception {
        try (Idea idea = embedded().build()) {
            Release first = submit(idea, "1.0.0");
            Release second = submit(idea, "1.0.1");
            byte[] bundle = export(idea, second.manifest().manifestId());
            IdeaFormats f = Idea.formats();
            assertCode(() -> f.verifyEvidenceBundle(new ByteArrayInputStream(Arrays.copyOf(bundle, bundle.length / 2)), List.of()),
                    ErrorCode.EVIDENCE_BUNDLE_INVALID);
            NoteKey stranger = NoteKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
            assertCode(() -> f.verifyEvidenceBundle(new ByteArrayInputStream(bundle), List.of(stranger)),
                    ErrorCode.CHECKPOINT_UNTRUSTED);

            String json = gunzip(bundle);
            String otherEvent = idea.auditEvents(first.auditEvents().get(0).seq(), 1).get(0).hash().toString();
            String thisEvent = second.auditEvents().get(0).hash().toString();
            // the first event's leaf index stays, but its content is swapped: the proof belongs to another leaf
            String swapped = json.replace("\"leafIndex\":4,", "\"leafIndex\":0,");
            assertThat(swapped).isNotEqualTo(json);
            byte[] swappedGz = gzip(swapped);
            assertCode(() -> f.verifyEvidenceBundle(new ByteArrayInputStream(swappedGz), List.of()), ErrorCode.MERKLE_PROOF_INVALID);
            assertThat(otherEvent).isNotEqualTo(thisEvent);
            String tampered = json.replace("\"proposedBy\"", "\"proposedby\"").replace("\"actor\":\"alice\"", "\"actor\":\"mallory\"");
            byte[] tamperedGz = gzip(tampered);
            assertCode(() -> f.verifyEvidenceBundle(new ByteArrayInputStream(tamperedGz), List.of()), ErrorCode.AUDIT_HASH_MISMATCH);
        }
    }

    @Test
    void jsonlExport_hasStableFieldsAndReplays() {
        try (Idea idea = embedded().build()) {
            submit(idea, "1.0.0");
            Checkpoint cp = idea.checkpoint();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            idea.exportAuditJsonl(out);
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(4);
            assertThat(lines[0]).startsWith("{\"actor\":\"alice\",\"event\":{").contains("\"hash\":\"sha256:", "\"prevHash\":\"sha256:000",
                    "\"seq\":0", "\"ts\":\"2026-11-23T10:00:00Z\"", "\"type\":\"submit\"", "\"manifestSignatureId\":null", "\"subject\":");
            assertThat(Idea.formats().verifyAuditExport(new ByteArrayInputStream(out.toByteArray()), List.of(cp)).eventCount()).isEqualTo(4);
            byte[] cut = Arrays.copyOf(out.toByteArray(), out.toString(StandardCharsets.UTF_8).indexOf(lines[3]));
            assertThatThrownBy(() -> Idea.formats().verifyAuditExport(new ByteArrayInputStream(cut), List.of(cp)))
                    .hasMessageStartingWith(ErrorCode.AUDIT_TRUNCATED.code()).hasMessageContaining("entry 3:");
        }
    }

    @Test
    void checkpoint_withoutKms_saysTheKeyIsMissing() {
        try (Idea idea = Idea.builder().dataDirectory(dir).provider(new dev.idea.testkit.kernel.FakeKernelProvider())
                .kernel(dev.idea.testkit.kernel.FakeKernelProvider.ID).clock(clock).environment(Map.of()).build()) {
            assertCode(idea::checkpoint, ErrorCode.CHECKPOINT_KEY_MISSING);
        }
    }

    private static byte[] export(Idea idea, String manifestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        idea.exportEvidenceBundle(manifestId, out);
        return out.toByteArray();
    }

    static String gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertCode(Runnable r, ErrorCode code) {
        assertThatThrownBy(r::run).isInstanceOf(dev.idea.api.IdeaException.class).hasMessageStartingWith(code.code());
    }
}
