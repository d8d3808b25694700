package dev.idea.core;

import static dev.idea.core.IdeaPipelineTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.Impact;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.GovernanceOptions;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance governed in code with {@code Idea.builder().governance(…)}: the same signed chain, root pin and
 * persisted high-water mark as the trust store file, an audit event per accepted version, exclusion of the
 * properties, and a rotation accepted by another instance on the same storage counted without a rebuild.
 */
class GovernanceInCodeTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at(T0);
    private final GovernanceAuthoring authoring = new GovernanceAuthoring();
    /** Version 1: alice, bob, carol, dave (and erin); signed by alice and bob. */
    private final DsseEnvelope v1 = authoring.trustStore(1, List.of("alice", "bob", "carol", "dave"), "alice", "bob");
    /** Version 2: dave leaves, frank joins; signed by two keys of version 1 that stay (alice, carol). */
    private final DsseEnvelope v2 = authoring.trustStore(2, List.of("alice", "bob", "carol", "frank"), "alice", "carol");

    private Idea.Builder builder() {
        return Idea.builder().dataDirectory(dir).kms("local").clock(clock).environment(Map.of())
                .property("idea.kms.local.generate-missing", "ed25519");
    }

    private static GovernanceOptions pinnedAt(DsseEnvelope root, DsseEnvelope... versions) {
        return GovernanceOptions.pinned(List.of(versions), Digest.sha256(root.payload()), ApprovalPolicy.defaults());
    }

    private static Release submitHigh(Idea idea) throws Exception {
        return idea.submit(PackageSubmission.ofBytes(Bytes.of(TestPackages.service())).target("payments-api")
                .version("4.0.0").impact(Impact.HIGH).rationale("new ledger").proposedBy("alice")
                .mediaType("application/gzip").build());
    }

    private UpgradeStatus approve(Idea idea, String upgradeId, Digest manifest, String... approvers) {
        UpgradeStatus last = null;
        for (String a : approvers) {
            last = idea.upgrades().approve(upgradeId, authoring.approval(a, manifest, clock.instant()));
        }
        return last;
    }

    private static List<AuditEvent> accepted(Idea idea) {
        return idea.auditEvents(0, 1000).stream().filter(e -> e.type() == AuditEventType.TRUST_STORE_ACCEPTED).toList();
    }

    @Test
    void build_governanceInCode_countsApprovalsWithTheNewestVersion() throws Exception {
        try (Idea idea = builder().governance(pinnedAt(v1, v1, v2)).build()) {
            Release r = submitHigh(idea);
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();

            UpgradeStatus status = approve(idea, id, r.manifestDigest(), "alice", "bob", "dave");
            assertThat(status.quorum().met()).isFalse();                 // dave left in version 2
            assertCode(() -> idea.upgrades().apply(id, "release-manager"), ErrorCode.APPROVAL_THRESHOLD_NOT_MET);
            approve(idea, id, r.manifestDigest(), "frank");

            assertThat(idea.upgrades().apply(id, "release-manager").state()).isEqualTo(UpgradeState.APPLIED);
        }
    }

    @Test
    void build_rootThenRotation_recordsEachAcceptedVersionWithVersionsAndDigests() throws Exception {
        try (Idea idea = builder().governance(pinnedAt(v1, v1, v2)).build()) {
            List<AuditEvent> events = accepted(idea);

            assertThat(events).hasSize(2);
            assertThat(events.get(0).payloadDigest()).isEqualTo(Digest.sha256(v1.payload()));
            assertThat(events.get(0).attributes()).containsEntry("version", "1").containsEntry("source", "code")
                    .containsEntry("digest", Digest.sha256(v1.payload()).toString()).doesNotContainKey("previousVersion");
            assertThat(events.get(1).attributes()).containsEntry("version", "2").containsEntry("previousVersion", "1")
                    .containsEntry("digest", Digest.sha256(v2.payload()).toString())
                    .containsEntry("previousDigest", Digest.sha256(v1.payload()).toString());
            assertThat(events.get(1).actor()).isEqualTo(GovernanceSettings.ACTOR);
        }
        try (Idea again = builder().governance(pinnedAt(v1, v1, v2)).build()) {   // nothing new: no event
            assertThat(accepted(again)).hasSize(2);
        }
    }

    @Test
    void build_trustStoreFile_recordsTheAcceptedVersionWithTheFileAsSource() throws Exception {
        Path file = dir.resolve("trust-store.json");
        Files.write(file, Idea.formats().writeEnvelope(v1).toByteArray());

        try (Idea idea = builder().property(TrustStore.PROPERTY, file.toString())
                .property(TrustStore.ROOT_DIGEST_PROPERTY, Digest.sha256(v1.payload()).toString()).build()) {
            assertThat(accepted(idea)).singleElement().satisfies(e -> assertThat(e.attributes())
                    .containsEntry("source", "file " + file.toAbsolutePath()).containsEntry("version", "1"));
        }
    }

    @Test
    void build_olderVersionsInCodeThanThePersistedMark_isRefusedAsRollback() throws Exception {
        try (Idea idea = builder().governance(pinnedAt(v1, v1, v2)).build()) {
            assertThat(idea.upgrades()).isNotNull();
        }

        assertCode(() -> builder().governance(pinnedAt(v1, v1)).build(), ErrorCode.TRUST_STORE_ROLLBACK);
        assertThatThrownBy(() -> builder().governance(pinnedAt(v1, v1)).build())
                .hasMessageContaining("passed in code").hasMessageContaining("high-water mark");
    }

    @Test
    void build_rootDigestMatchingNoVersion_isRefusedAsUntrusted() {
        assertCode(() -> builder().governance(pinnedAt(v2, v1)).build(), ErrorCode.TRUST_STORE_ROOT_UNTRUSTED);
    }

    @Test
    void build_rotationWithoutTheOldThreshold_isRefused() {
        DsseEnvelope forged = authoring.trustStore(2, List.of("frank", "grace"), "frank", "grace");

        assertCode(() -> builder().governance(pinnedAt(v1, v1, forged)).build(), ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET);
    }

    @Test
    void build_governanceInCodeAndAnyGovernanceProperty_isRefusedAsAmbiguous() {
        for (String property : List.of(TrustStore.PROPERTY, TrustStore.ROOT_DIGEST_PROPERTY,
                TrustStore.INSECURE_TRUST_ON_FIRST_USE_PROPERTY, ApprovalPolicy.PROPERTY)) {
            Idea.Builder both = builder().governance(pinnedAt(v1, v1)).property(property, "x");

            assertCode(both::build, ErrorCode.CONFIG_INVALID);
            assertThatThrownBy(both::build).hasMessageContaining("Idea.Builder.governance").hasMessageContaining(property);
        }
    }

    @Test
    void build_governanceAndACounterInCode_isRefusedAsAmbiguous() {
        Idea.Builder both = builder().governance(pinnedAt(v1, v1)).provider(new GovernanceFromConfigurationTest.InCodeQuorum());

        assertCode(both::build, ErrorCode.CONFIG_INVALID);
    }

    @Test
    void upgrades_rotationAcceptedByAnotherInstanceOnTheSameStorage_countsWithoutARebuild() throws Exception {
        try (Idea first = builder().governance(pinnedAt(v1, v1)).build()) {
            Release r = submitHigh(first);
            String id = first.upgrades().draft(r.signedManifest(), "alice").upgradeId();
            approve(first, id, r.manifestDigest(), "alice", "frank", "dave");
            assertThat(first.upgrades().status(id).quorum().countedApprovers()).containsExactly("alice", "dave");

            try (Idea second = builder().governance(pinnedAt(v1, v1, v2)).build()) {   // rotates the shared store
                assertThat(accepted(second)).hasSize(2);
            }
            clock.advance(Duration.ofMinutes(1));

            assertThat(first.upgrades().status(id).quorum().countedApprovers()).containsExactly("alice", "frank");
            approve(first, id, r.manifestDigest(), "bob");
            assertThat(first.upgrades().apply(id, "release-manager").state()).isEqualTo(UpgradeState.APPLIED);
        }
    }
}
