package dev.idea.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.Manifest;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Precondition;
import dev.idea.api.Release;
import dev.idea.api.SignedManifest;
import dev.idea.api.ValidationLimits;
import dev.idea.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdeaPipelineTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:00:00Z"));

    private Idea.Builder embedded() {
        return Idea.builder()
                .dataDirectory(dir)
                .kms("local")
                .property("idea.kms.local.generate-missing", "ed25519")
                .clock(clock)
                .environment(java.util.Map.of());
    }

    static PackageSubmission submission(byte[] pkg, String version) {
        return PackageSubmission.ofBytes(Bytes.of(pkg)).target("hello-service").version(version)
                .rationale("routine release").proposedBy("alice").mediaType("application/gzip").build();
    }

    @Test
    void submit_validPackage_recordsFourLinkedEventsCarryingTheSignatureId() {
        try (Idea idea = embedded().build()) {
            Release release = idea.submit(submission(TestPackages.service(), "1.0.0"));

            assertThat(release.auditEvents()).extracting(AuditEvent::type).containsExactly(
                    AuditEventType.SUBMIT, AuditEventType.VALIDATE, AuditEventType.MANIFEST_CREATE, AuditEventType.SIGN);
            AuditEvent sign = release.auditEvents().get(3);
            assertThat(sign.manifestSignatureId()).isEqualTo(release.manifestSignatureId()).startsWith("msig_");
            assertThat(sign.payloadDigest()).isEqualTo(release.manifestDigest());
            assertThat(release.manifest().preconditions()).containsExactly(
                    new Precondition(Precondition.VALIDATION_REPORT, release.validation().reportDigest().toString()));
            assertThat(release.manifest().previousManifestDigest()).isNull();
            ChainVerification chain = idea.verifyAuditChain();
            assertThat(chain.eventCount()).isEqualTo(4);
            assertThat(chain.headHash()).isEqualTo(sign.hash());
        }
    }

    @Test
    void submit_withRulePlanAndSimulationEvidence_signsBothIntoTheManifest() {
        Digest plan = Digest.sha256(Bytes.utf8("plan"));
        Digest simulation = Digest.sha256(Bytes.utf8("simulation"));
        try (Idea idea = embedded().build()) {
            Release release = idea.submit(PackageSubmission.ofBytes(Bytes.of(TestPackages.service()))
                    .target("hello-service").version("1.0.0").rationale("r").proposedBy("alice")
                    .precondition(new Precondition(Precondition.RULE_PLAN, plan.toString()))
                    .precondition(new Precondition(Precondition.SIMULATION_RECORD, simulation.toString()))
                    .build());
            assertThat(release.manifest().preconditions()).extracting(Precondition::kind).containsExactly(
                    Precondition.VALIDATION_REPORT, Precondition.RULE_PLAN, Precondition.SIMULATION_RECORD);
            assertThat(idea.verify(release.signedManifest()).preconditions()).contains(
                    new Precondition(Precondition.RULE_PLAN, plan.toString()));
        }
    }

    @Test
    void submission_attachingItsOwnValidationReport_isRefused() {
        assertCode(() -> PackageSubmission.ofBytes(Bytes.utf8("x")).target("t").version("1").rationale("r").proposedBy("p")
                .precondition(new Precondition(Precondition.VALIDATION_REPORT, "sha256:00")).build(), ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void submit_secondRelease_buildsOnThePreviousManifest() {
        try (Idea idea = embedded().build()) {
            Release first = idea.submit(submission(TestPackages.service(), "1.0.0"));
            clock.advance(Duration.ofMinutes(5));
            Release second = idea.submit(submission(TestPackages.service(), "1.0.1"));

            assertThat(second.manifest().previousManifestDigest()).isEqualTo(first.manifestDigest());
            assertThat(second.manifest().manifestId()).isNotEqualTo(first.manifest().manifestId());
            assertThat(second.auditEvents().get(0).prevHash()).isEqualTo(first.auditEvents().get(3).hash());
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(8);
        }
    }

    @Test
    void build_again_reopensAndExtendsTheSameChain() {
        Release first;
        try (Idea idea = embedded().build()) {
            first = idea.submit(submission(TestPackages.service(), "1.0.0"));
        }
        try (Idea idea = embedded().build()) {
            Release second = idea.submit(submission(TestPackages.service(), "1.1.0"));
            assertThat(second.manifest().previousManifestDigest()).isEqualTo(first.manifestDigest());
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(8);
            assertThat(idea.verify(first.signedManifest())).isEqualTo(first.manifest());
            assertThat(idea.signedManifest(first.manifest().manifestId())).contains(first.signedManifest());
        }
    }

    @Test
    void verify_signedManifestFileRoundTrip_returnsTheManifest() {
        try (Idea idea = embedded().build()) {
            Release release = idea.submit(submission(TestPackages.service(), "1.0.0"));
            Bytes file = Idea.formats().writeSignedManifest(release.signedManifest());
            Manifest verified = idea.verify(Idea.formats().readSignedManifest(file));
            assertThat(verified).isEqualTo(release.manifest());
        }
    }

    @Test
    void verify_tamperedPayload_isRefused() {
        try (Idea idea = embedded().build()) {
            SignedManifest signed = idea.submit(submission(TestPackages.service(), "1.0.0")).signedManifest();
            byte[] payload = signed.envelope().payload().toByteArray();
            payload[payload.length - 3] ^= 1;
            SignedManifest tampered = new SignedManifest(new DsseEnvelope(Manifest.PAYLOAD_TYPE, Bytes.of(payload),
                    signed.envelope().signatures()), signed.manifestSignatureId(), signed.signerId());

            assertThatThrownBy(() -> idea.verify(tampered)).isInstanceOf(dev.idea.api.VerificationException.class)
                    .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET);
        }
    }

    @Test
    void verify_unknownSigner_isRefusedNamingTheSigner() {
        try (Idea idea = embedded().build()) {
            SignedManifest signed = idea.submit(submission(TestPackages.service(), "1.0.0")).signedManifest();
            SignedManifest other = new SignedManifest(signed.envelope(), signed.manifestSignatureId(), "mallory");

            assertThatThrownBy(() -> idea.verify(other)).hasMessageContaining("mallory")
                    .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(ErrorCode.SIGNER_UNKNOWN);
        }
    }

    @Test
    void submit_badPackages_areRefusedAndLeaveNoEvent() {
        try (Idea idea = embedded().validationLimits(ValidationLimits.defaults().withMaxPackageBytes(4096)).build()) {
            byte[] good = TestPackages.service();
            assertCode(() -> idea.submit(submission(new byte[0], "1")), ErrorCode.PACKAGE_EMPTY);
            assertCode(() -> idea.submit(submission(new byte[5000], "1")), ErrorCode.PACKAGE_TOO_LARGE);
            assertCode(() -> idea.submit(submission(java.util.Arrays.copyOf(good, good.length - 10), "1")),
                    ErrorCode.PACKAGE_UNREADABLE);
            assertCode(() -> idea.submit(PackageSubmission.ofBytes(Bytes.of(good)).target("t").version("1").rationale("r")
                    .proposedBy("p").expectedSha256(Digest.sha256(Bytes.utf8("x"))).build()), ErrorCode.PACKAGE_CHECKSUM_MISMATCH);
            assertCode(() -> idea.submit(PackageSubmission.ofPath(dir.resolve("missing.tar.gz")).target("t").version("1")
                    .rationale("r").proposedBy("p").build()), ErrorCode.PACKAGE_SOURCE_UNAVAILABLE);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();
        }
    }

    @Test
    void submit_fromPath_storesThePackageUnderItsDigest() throws Exception {
        Path pkg = dir.resolve("hello-service-1.0.0.tar.gz");
        Files.write(pkg, TestPackages.service());
        try (Idea idea = embedded().build()) {
            Release r = idea.submit(PackageSubmission.ofPath(pkg).target("hello-service").version("1.0.0")
                    .rationale("r").proposedBy("alice").build());
            assertThat(r.manifest().artifact().mediaType()).isEqualTo("application/gzip");
            assertThat(r.manifest().artifact().location()).isEqualTo("blob:" + Digest.sha256(Bytes.of(Files.readAllBytes(pkg))));
        }
    }

    @Test
    void submit_fromManyThreads_serializesIntoOneChain() throws Exception {
        try (Idea idea = embedded().build()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Release>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String target = "svc-" + (i % 3);
                String version = "1." + i;
                futures.add(pool.submit(() -> idea.submit(PackageSubmission.ofBytes(Bytes.of(TestPackages.service()))
                        .target(target).version(version).rationale("r").proposedBy("alice").build())));
            }
            for (Future<Release> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(48);
        }
    }

    @Test
    void close_thenUse_failsWithClosed() {
        Idea idea = embedded().build();
        idea.close();
        idea.close();
        assertCode(idea::verifyAuditChain, ErrorCode.CLOSED);
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(IdeaException.class)
                .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(code);
    }
}
