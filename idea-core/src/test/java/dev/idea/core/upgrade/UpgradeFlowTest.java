package dev.idea.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.SignedManifest;
import dev.idea.api.VerificationException;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.api.upgrade.Upgrades;
import dev.idea.core.TestPackages;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.spi.kernel.ManifestSignature;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kernel.SigningRequest;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.kernel.FakeKernel;
import dev.idea.testkit.kernel.FakeKernelProvider;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The upgrade flow against the fake kernel and in-memory storage: refusals, idempotence, kernel failures. */
class UpgradeFlowTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final MutableClock clock = MutableClock.at(T0);
    private final FakeKernel kernel = new FakeKernel();

    private Idea.Builder builder() {
        return Idea.builder()
                .provider(new InMemoryStorageProvider())
                .storage("memory")
                .provider(new FakeKernelProvider(kernel))
                .kernel("fake")
                .clock(clock)
                .environment(Map.of())
                .providerTimeout(Duration.ofMillis(500));
    }

    private Idea idea() {
        return builder().provider(new StubQuorum(3)).build();
    }

    private static PackageSubmission submission(Impact impact) {
        return PackageSubmission.ofBytes(Bytes.of(TestPackages.service())).target("payments-api").version("3.0.0")
                .impact(impact).rationale("schema migration").proposedBy("alice").mediaType("application/gzip").build();
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(IdeaException.class)
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(code));
    }

    private static List<AuditEventType> types(Idea idea) {
        return idea.auditEvents(0, 1000).stream().map(AuditEvent::type).toList();
    }

    @Test
    void draft_lowOrMediumImpact_isRefusedAsNotGoverned() {
        try (Idea idea = idea()) {
            Release low = idea.submit(submission(Impact.MEDIUM));
            assertCode(() -> idea.upgrades().draft(low.signedManifest(), "alice"), ErrorCode.UPGRADE_NOT_GOVERNED);
            assertThat(types(idea)).doesNotContain(AuditEventType.UPGRADE_DRAFT);
        }
    }

    @Test
    void draft_sameManifestTwice_returnsTheSameUpgradeAndRecordsOneDraft() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.CRITICAL));
            UpgradeStatus first = idea.upgrades().draft(r.signedManifest(), "alice");
            UpgradeStatus second = idea.upgrades().draft(r.signedManifest(), "bob");

            assertThat(second.upgradeId()).isEqualTo(first.upgradeId()).isEqualTo("up-" + r.manifestDigest().hex().substring(0, 24));
            assertThat(second.draftedBy()).isEqualTo("alice");
            assertThat(first.draftRef()).isEqualTo("fake-draft-" + first.upgradeId());
            assertThat(types(idea).stream().filter(t -> t == AuditEventType.UPGRADE_DRAFT)).hasSize(1);
        }
    }

    @Test
    void draft_tamperedManifest_isRefusedBeforeTheKernelIsAsked() {
        try (Idea idea = idea()) {
            SignedManifest signed = idea.submit(submission(Impact.HIGH)).signedManifest();
            String json = signed.envelope().payload().utf8String().replace("schema migration", "something else");
            SignedManifest tampered = new SignedManifest(new DsseEnvelope(signed.envelope().payloadType(), Bytes.utf8(json),
                    signed.envelope().signatures()), signed.manifestSignatureId(), signed.signerId());

            assertThatThrownBy(() -> idea.upgrades().draft(tampered, "alice")).isInstanceOf(VerificationException.class);
            assertThat(idea.upgrades().pending()).isEmpty();
        }
    }

    @Test
    void apply_belowThreshold_isRefusedNamingCountedAndRefusedApprovals() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            idea.upgrades().approve(id, StubQuorum.approval("bob", r.manifestDigest()));
            idea.upgrades().approve(id, StubQuorum.approval("carol", r.manifestDigest()));
            idea.upgrades().approve(id, StubQuorum.approval("mallory", Digest.sha256(Bytes.utf8("another manifest"))));

            assertThatThrownBy(() -> idea.upgrades().apply(id, "release-manager"))
                    .isInstanceOf(IdeaException.class)
                    .hasMessageContaining("IDEA-9009")
                    .hasMessageContaining("3-of(approver)")
                    .hasMessageContaining("[bob, carol]")
                    .hasMessageContaining("mallory OTHER_MANIFEST");
            assertThat(kernel.appliedUpgrades()).isEmpty();
            assertThat(idea.upgrades().status(id).state()).isEqualTo(UpgradeState.DRAFT);
        }
    }

    @Test
    void approve_overTime_recordsEachCountedOrRefusedApprovalAndApplyThenSucceeds() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            Digest digest = r.manifestDigest();
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            idea.upgrades().approve(id, StubQuorum.approval("bob", digest));
            clock.advance(Duration.ofHours(3));
            idea.upgrades().approve(id, StubQuorum.approval("bob", digest, T0.plus(Duration.ofDays(9))));
            idea.upgrades().approve(id, StubQuorum.approval("carol", digest));
            clock.advance(Duration.ofDays(1));
            UpgradeStatus ready = idea.upgrades().approve(id, StubQuorum.approval("dave", digest));
            assertThat(ready.quorum().met()).isTrue();
            assertThat(ready.state()).as("approvals never apply by themselves").isEqualTo(UpgradeState.DRAFT);

            UpgradeStatus applied = idea.upgrades().apply(id, "release-manager");

            assertThat(applied.state()).isEqualTo(UpgradeState.APPLIED);
            assertThat(applied.applicationId()).isEqualTo("fake-app-" + id);
            assertThat(applied.appliedAt()).isEqualTo(T0.plus(Duration.ofHours(27)));
            assertThat(kernel.appliedUpgrades().get(id).emergency()).isFalse();
            List<AuditEvent> events = idea.auditEvents(4, 100);
            assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.UPGRADE_DRAFT,
                    AuditEventType.APPROVAL_COUNTED, AuditEventType.APPROVAL_REFUSED, AuditEventType.APPROVAL_COUNTED,
                    AuditEventType.APPROVAL_COUNTED, AuditEventType.UPGRADE_APPLY);
            assertThat(events.get(2).attributes()).containsEntry("reason", "DUPLICATE");
            assertThat(events.get(2).actor()).isEqualTo("bob");
            assertThat(events.get(5).attributes()).containsEntry("approvers", "bob,carol,dave");
            assertCode(() -> idea.upgrades().apply(id, "release-manager"), ErrorCode.UPGRADE_STATE_INVALID);
            assertCode(() -> idea.upgrades().emergencyApply(id, "oncall", "again"), ErrorCode.UPGRADE_STATE_INVALID);
            idea.verifyAuditChain();
        }
    }

    @Test
    void approve_sameStatementTwice_isStoredAndRecordedOnce() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            DsseEnvelope approval = StubQuorum.approval("bob", r.manifestDigest());
            idea.upgrades().approve(id, approval);
            UpgradeStatus again = idea.upgrades().approve(id, approval);

            assertThat(again.quorum().votes()).hasSize(1);
            assertThat(types(idea).stream().filter(t -> t == AuditEventType.APPROVAL_COUNTED)).hasSize(1);
        }
    }

    @Test
    void approve_badInput_isRefusedWithTypedCodes() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            DsseEnvelope manifestEnvelope = r.signedManifest().envelope();

            assertCode(() -> idea.upgrades().approve(id, manifestEnvelope), ErrorCode.UPGRADE_APPROVAL_INVALID);
            assertCode(() -> idea.upgrades().approve("up-000000000000000000000000",
                    StubQuorum.approval("bob", r.manifestDigest())), ErrorCode.UPGRADE_NOT_FOUND);
            assertCode(() -> idea.upgrades().status("../../etc/passwd"), ErrorCode.UPGRADE_NOT_FOUND);
        }
    }

    @Test
    void apply_kernelReportsAnotherDraft_isRefusedAndNothingIsRecorded() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            for (String approver : List.of("bob", "carol", "dave")) {
                idea.upgrades().approve(id, StubQuorum.approval(approver, r.manifestDigest()));
            }
            long before = idea.verifyAuditChain().eventCount();
            kernel.reportWrongUpgradeRecords(true);

            assertCode(() -> idea.upgrades().apply(id, "release-manager"), ErrorCode.UPGRADE_KERNEL_RECORD_INVALID);
            assertThat(idea.upgrades().status(id).state()).isEqualTo(UpgradeState.DRAFT);
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(before);

            kernel.reportWrongUpgradeRecords(false);
            assertThat(idea.upgrades().apply(id, "release-manager").state()).isEqualTo(UpgradeState.APPLIED);
        }
    }

    @Test
    void emergencyApply_kernelStalls_timesOutAndLeavesTheDraft() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            kernel.delayEachCall(Duration.ofSeconds(5));

            assertCode(() -> idea.upgrades().emergencyApply(id, "oncall", "outage"), ErrorCode.PROVIDER_TIMEOUT);
            kernel.delayEachCall(Duration.ZERO);
            assertThat(idea.upgrades().status(id).state()).isEqualTo(UpgradeState.DRAFT);
            assertThat(types(idea)).doesNotContain(AuditEventType.UPGRADE_EMERGENCY_APPLY);
        }
    }

    @Test
    void reconcile_kernelRefusesRollback_staysLapsedWithTheErrorAndRetriesNextRun() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            idea.upgrades().emergencyApply(id, "oncall", "outage");
            clock.advance(Duration.ofHours(48));
            kernel.failNextCall(ErrorCode.PROVIDER_FAILURE);

            List<UpgradeStatus> first = idea.upgrades().reconcile();
            assertThat(first).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(UpgradeState.LAPSED);
                assertThat(s.lastError()).contains("PROVIDER_FAILURE");
            });
            assertThat(kernel.rollbacks()).isEmpty();
            assertCode(() -> idea.upgrades().approve(id, StubQuorum.approval("bob", r.manifestDigest())),
                    ErrorCode.UPGRADE_STATE_INVALID);

            clock.advance(Duration.ofMinutes(5));
            List<UpgradeStatus> second = idea.upgrades().reconcile();
            assertThat(second).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(UpgradeState.ROLLED_BACK);
                assertThat(s.lastError()).isNull();
                assertThat(s.rollbackId()).isEqualTo("fake-rollback-" + id);
            });
            assertThat(types(idea)).containsSubsequence(AuditEventType.UPGRADE_EMERGENCY_APPLY, AuditEventType.UPGRADE_LAPSED,
                    AuditEventType.UPGRADE_ROLLED_BACK);
        }
    }

    @Test
    void emergencyApply_thresholdAlreadyMet_isRatifiedAtOnce() {
        try (Idea idea = idea()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            for (String approver : List.of("bob", "carol", "dave")) {
                idea.upgrades().approve(id, StubQuorum.approval(approver, r.manifestDigest()));
            }
            UpgradeStatus s = idea.upgrades().emergencyApply(id, "oncall", "outage");

            assertThat(s.state()).isEqualTo(UpgradeState.RATIFIED);
            assertThat(kernel.appliedUpgrades().get(id).emergency()).isTrue();
            assertThat(kernel.requests()).hasSize(1);
        }
    }

    @Test
    void apply_withoutAConfiguredQuorumCheck_failsClosed() {
        try (Idea idea = builder().build()) {
            Release r = idea.submit(submission(Impact.HIGH));
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            for (String approver : List.of("bob", "carol", "dave")) {
                idea.upgrades().approve(id, StubQuorum.approval(approver, r.manifestDigest()));
            }
            assertThatThrownBy(() -> idea.upgrades().apply(id, "release-manager"))
                    .hasMessageContaining("IDEA-9009").hasMessageContaining("NO_TRUST_STORE");
            assertThat(types(idea)).doesNotContain(AuditEventType.APPROVAL_COUNTED);
        }
    }

    @Test
    void build_invalidRatificationWindow_failsNamingTheSetting() {
        for (String bad : List.of("48h", "PT0S", "-PT1H", "P400D")) {
            assertThatThrownBy(() -> builder().property(Upgrades.RATIFICATION_WINDOW_PROPERTY, bad).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(Upgrades.RATIFICATION_WINDOW_PROPERTY);
        }
    }

    @Test
    void draft_kernelWithoutUpgradeSupport_isRefusedAsUnsupported() {
        KernelProvider signingOnly = new KernelProvider() {
            @Override
            public String id() {
                return "signing-only";
            }

            @Override
            public Kernel open(KernelContext context) {
                FakeKernel inner = new FakeKernelProvider(kernel).open(context);
                return new Kernel() {
                    @Override
                    public ManifestSignature signManifest(SigningRequest request) {
                        return inner.signManifest(request);
                    }

                    @Override
                    public Optional<Signer> signer(String signerId) {
                        return inner.signer(signerId);
                    }
                };
            }
        };
        try (Idea idea = builder().provider(signingOnly).kernel("signing-only").build()) {
            Release r = idea.submit(submission(Impact.HIGH));
            assertCode(() -> idea.upgrades().draft(r.signedManifest(), "alice"), ErrorCode.UPGRADE_UNSUPPORTED);
        }
    }

    @Test
    void upgrades_afterClose_refuseWithClosed() {
        Idea idea = idea();
        idea.close();
        Consumer<Idea> call = Idea::upgrades;
        assertCode(() -> call.accept(idea), ErrorCode.CLOSED);
    }
}
