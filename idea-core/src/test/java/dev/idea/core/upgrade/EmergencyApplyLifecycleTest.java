package dev.idea.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.api.upgrade.Upgrades;
import dev.idea.core.TestPackages;
import dev.idea.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives emergency applies end to end on the embedded providers (filesystem storage, in-process
 * kernel, local KMS), closing and rebuilding the instance in the middle of the ratification window.
 */
class EmergencyApplyLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T0);

    private Idea.Builder embedded() {
        return bare().provider(new StubQuorum(3));
    }

    private Idea.Builder bare() {
        return Idea.builder()
                .dataDirectory(dir)
                .kms("local")
                .property("idea.kms.local.generate-missing", "ed25519")
                .clock(clock)
                .environment(Map.of());
    }

    static PackageSubmission highImpact(String version) {
        return PackageSubmission.ofBytes(Bytes.of(TestPackages.service())).target("payments-api").version(version)
                .impact(Impact.HIGH).rationale("fix CVE-2026-0001").proposedBy("alice").mediaType("application/gzip").build();
    }

    @Test
    void emergencyApply_windowLapsesAcrossRestart_rollsBackThroughTheKernel() throws Exception {
        String id;
        Digest digest;
        try (Idea idea = embedded().build()) {
            Release release = idea.submit(highImpact("2.0.0"));
            digest = release.manifestDigest();
            UpgradeStatus draft = idea.upgrades().draft(release.signedManifest(), "alice");
            id = draft.upgradeId();
            assertThat(draft.state()).isEqualTo(UpgradeState.DRAFT);

            UpgradeStatus applied = idea.upgrades().emergencyApply(id, "oncall", "active exploit of CVE-2026-0001");
            assertThat(applied.state()).isEqualTo(UpgradeState.PENDING_RATIFICATION);
            assertThat(applied.ratificationDeadline()).isEqualTo(T0.plus(Duration.ofHours(48)));
            assertThat(applied.applicationId()).startsWith("app-");

            clock.advance(Duration.ofHours(10));
            UpgradeStatus one = idea.upgrades().approve(id, StubQuorum.approval("bob", digest));
            assertThat(one.state()).isEqualTo(UpgradeState.PENDING_RATIFICATION);
            assertThat(one.quorum().countedApprovers()).containsExactly("bob");
        }

        clock.advance(Duration.ofHours(20)); // the host is down for a while, then restarts inside the window
        try (Idea idea = embedded().build()) {
            Upgrades upgrades = idea.upgrades();
            assertThat(upgrades.pending()).extracting(UpgradeStatus::upgradeId).containsExactly(id);
            assertThat(upgrades.status(id).quorum().countedApprovers()).containsExactly("bob");
            assertThat(upgrades.reconcile()).isEmpty();

            upgrades.approve(id, StubQuorum.approval("carol", digest));
            clock.advance(Duration.ofHours(18).minusSeconds(1));
            assertThat(upgrades.reconcile()).as("one second before the deadline").isEmpty();

            clock.advance(Duration.ofSeconds(1));
            List<UpgradeStatus> settled = upgrades.reconcile();
            assertThat(settled).hasSize(1);
            UpgradeStatus rolledBack = settled.get(0);
            assertThat(rolledBack.state()).isEqualTo(UpgradeState.ROLLED_BACK);
            assertThat(rolledBack.rollbackId()).startsWith("rb-");
            assertThat(rolledBack.settledAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
            assertThat(upgrades.status(id).state()).isEqualTo(UpgradeState.ROLLED_BACK);
            assertThat(upgrades.pending()).isEmpty();
            assertThat(upgrades.reconcile()).as("settled upgrades need no more work").isEmpty();

            assertThatThrownBy(() -> upgrades.approve(id, StubQuorum.approval("dave", digest)))
                    .isInstanceOf(IdeaException.class)
                    .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(ErrorCode.UPGRADE_STATE_INVALID);

            List<AuditEvent> events = idea.auditEvents(4, 100);
            assertThat(events).extracting(AuditEvent::type).containsExactly(
                    AuditEventType.UPGRADE_DRAFT, AuditEventType.UPGRADE_EMERGENCY_APPLY, AuditEventType.APPROVAL_COUNTED,
                    AuditEventType.APPROVAL_COUNTED, AuditEventType.UPGRADE_LAPSED, AuditEventType.UPGRADE_ROLLED_BACK);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.attributes()).containsEntry("upgradeId", id);
                assertThat(e.manifestSignatureId()).startsWith("msig_");
            });
            assertThat(events.get(4).actor()).isEqualTo("idea-reconciler");
            assertThat(events.get(4).attributes()).containsEntry("counted", "bob,carol");
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(10);
        }
        String ledger = Files.readString(dir.resolve("kernel").resolve("upgrades.log"), StandardCharsets.UTF_8);
        assertThat(ledger).contains("apply " + id).contains("rollback " + id);
    }

    @Test
    void emergencyApply_thresholdMetInsideWindowAfterRestart_ratifiesWithoutRollback() {
        String id;
        Digest digest;
        try (Idea idea = embedded().build()) {
            Release release = idea.submit(highImpact("2.0.1"));
            digest = release.manifestDigest();
            id = idea.upgrades().draft(release.signedManifest(), "alice").upgradeId();
            idea.upgrades().emergencyApply(id, "oncall", "outage");
            idea.upgrades().approve(id, StubQuorum.approval("bob", digest));
        }
        clock.advance(Duration.ofHours(30));
        try (Idea idea = embedded().build()) {
            idea.upgrades().approve(id, StubQuorum.approval("carol", digest));
            UpgradeStatus third = idea.upgrades().approve(id, StubQuorum.approval("dave", digest));

            assertThat(third.state()).isEqualTo(UpgradeState.RATIFIED);
            assertThat(third.settledAt()).isEqualTo(T0.plus(Duration.ofHours(30)));
            clock.advance(Duration.ofDays(3));
            assertThat(idea.upgrades().reconcile()).isEmpty();
            assertThat(idea.upgrades().status(id).state()).isEqualTo(UpgradeState.RATIFIED);
            assertThat(idea.auditEvents(0, 100)).extracting(AuditEvent::type)
                    .contains(AuditEventType.UPGRADE_RATIFIED)
                    .doesNotContain(AuditEventType.UPGRADE_LAPSED, AuditEventType.UPGRADE_ROLLED_BACK);
        }
    }

    @ParameterizedTest
    @CsvSource({"47, ROLLED_BACK", "49, RATIFIED"})
    void reconcile_afterDowntimePastTheDeadline_judgesApprovalsAsOfTheDeadline(int expiresAfterHours, UpgradeState expected) {
        StubQuorum quorum = new StubQuorum(4);
        String id;
        try (Idea idea = bare().provider(quorum).build()) {
            Release release = idea.submit(highImpact("2.0.2"));
            Digest digest = release.manifestDigest();
            id = idea.upgrades().draft(release.signedManifest(), "alice").upgradeId();
            idea.upgrades().emergencyApply(id, "oncall", "outage");
            idea.upgrades().approve(id, StubQuorum.approval("bob", digest));
            idea.upgrades().approve(id, StubQuorum.approval("carol", digest));
            idea.upgrades().approve(id, StubQuorum.approval("dave", digest, T0.plus(Duration.ofHours(expiresAfterHours))));
            assertThat(idea.upgrades().status(id).state()).isEqualTo(UpgradeState.PENDING_RATIFICATION);
        }
        quorum.threshold(3); // the policy is relaxed while the host is down past the deadline
        clock.advance(Duration.ofDays(5));
        try (Idea idea = bare().provider(quorum).build()) {
            List<UpgradeStatus> settled = idea.upgrades().reconcile();
            assertThat(settled).extracting(UpgradeStatus::state).containsExactly(expected);
            assertThat(settled.get(0).quorum().evaluatedAt()).isBefore(T0.plus(Duration.ofHours(48)));
        }
    }

    @Test
    void reconcile_hostDownOverTheDeadline_lapsesAndRollsBackOnFirstRunAfterRestart() {
        String id;
        try (Idea idea = embedded().property(Upgrades.RATIFICATION_WINDOW_PROPERTY, "PT2H").build()) {
            Release release = idea.submit(highImpact("2.0.3"));
            id = idea.upgrades().draft(release.signedManifest(), "alice").upgradeId();
            UpgradeStatus s = idea.upgrades().emergencyApply(id, "oncall", "outage");
            assertThat(s.ratificationDeadline()).isEqualTo(T0.plus(Duration.ofHours(2)));
            idea.upgrades().approve(id, StubQuorum.approval("bob", release.manifestDigest()));
        }
        clock.advance(Duration.ofDays(2));
        try (Idea idea = embedded().build()) {
            assertThat(idea.upgrades().ratificationWindow()).isEqualTo(Upgrades.DEFAULT_RATIFICATION_WINDOW);
            List<UpgradeStatus> settled = idea.upgrades().reconcile();
            assertThat(settled).extracting(UpgradeStatus::state).containsExactly(UpgradeState.ROLLED_BACK);
            assertThat(settled.get(0).ratificationDeadline()).as("the window is fixed at apply time")
                    .isEqualTo(T0.plus(Duration.ofHours(2)));
        }
    }
}
