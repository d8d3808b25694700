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
import dev.idea.api.IdeaProvider;
import dev.idea.api.Impact;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.guard.GateReasonCode;
import dev.idea.api.guard.GateRequest;
import dev.idea.api.guard.GateResult;
import dev.idea.api.guard.GuardAction;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.core.upgrade.QuorumCheck;
import dev.idea.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance governed only by properties and files: a signed trust store chain anchored by a pinned
 * root digest, the example policy file for approvals and the guard, and the rollback of the trust
 * store refused at build.
 */
class GovernanceFromConfigurationTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Path POLICY = Path.of("..", "docs", "examples", "orchestrator.policy.yaml").toAbsolutePath();

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at(T0);
    private final GovernanceAuthoring authoring = new GovernanceAuthoring();

    /** Writes trust_store.v{version}.json as an operator would, returns the signed envelope. */
    private DsseEnvelope trustStore(int version, List<String> approverIds, String... signedBy) throws IOException {
        String doc = authoring.document(version, approverIds);
        Files.writeString(dir.resolve("trust_store.v" + version + ".json"), doc);
        return authoring.sign(doc, signedBy);
    }

    private Path chainFile(DsseEnvelope... versions) throws IOException {
        List<String> parts = new ArrayList<>();
        for (DsseEnvelope e : versions) {
            parts.add(Idea.formats().writeEnvelope(e).utf8String());
        }
        Path file = dir.resolve("trust-store.json");
        Files.writeString(file, "[" + String.join(",\n", parts) + "]");
        return file;
    }

    private Path properties(Path trustStore, Path rootDocument) throws IOException {
        Digest root = Digest.sha256(Bytes.of(Files.readAllBytes(rootDocument)));
        Path file = dir.resolve("idea.properties");
        Files.writeString(file, String.join("\n",
                TrustStore.PROPERTY + "=" + trustStore,
                TrustStore.ROOT_DIGEST_PROPERTY + "=" + root,
                ApprovalPolicy.PROPERTY + "=" + POLICY,
                GuardPolicy.PROPERTY + "=" + POLICY,
                "idea.kms.local.generate-missing=ed25519", ""), StandardCharsets.UTF_8);
        return file;
    }

    private Idea.Builder builder(Path properties) {
        return Idea.builder().dataDirectory(dir.resolve("data")).kms("local").clock(clock).environment(Map.of())
                .properties(properties);
    }

    private DsseEnvelope approval(String id, Digest manifest) {
        return authoring.approval(id, manifest, clock.instant());
    }

    @Test
    void build_fromPropertiesAndFiles_countsThreeOfFiveAndRefusesATrustStoreRollback() throws Exception {
        DsseEnvelope v1 = trustStore(1, List.of("alice", "bob", "carol", "dave"), "alice", "bob");
        // rotation: dave leaves, frank joins; signed by two keys of version 1 that are also in version 2
        DsseEnvelope v2 = trustStore(2, List.of("alice", "bob", "carol", "frank"), "alice", "carol");
        Path props = properties(chainFile(v1, v2), dir.resolve("trust_store.v1.json"));

        try (Idea idea = builder(props).build()) {
            Release r = idea.submit(PackageSubmission.ofBytes(Bytes.of(TestPackages.service())).target("payments-api")
                    .version("4.0.0").impact(Impact.HIGH).rationale("new ledger").proposedBy("alice")
                    .mediaType("application/gzip").build());
            Digest digest = r.manifestDigest();
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();

            idea.upgrades().approve(id, approval("alice", digest));
            idea.upgrades().approve(id, approval("bob", digest));
            idea.upgrades().approve(id, approval("dave", digest));      // removed by the rotation to version 2
            assertCode(() -> idea.upgrades().apply(id, "release-manager"), ErrorCode.APPROVAL_THRESHOLD_NOT_MET);

            clock.advance(Duration.ofMinutes(5));
            assertThat(idea.upgrades().approve(id, approval("frank", digest)).quorum().met()).isTrue();
            assertThat(idea.upgrades().apply(id, "release-manager").state()).isEqualTo(UpgradeState.APPLIED);

            GateResult gate = idea.guard().evaluate(new GateRequest("ops", Set.of("release-manager"), GuardAction.APPLY,
                    id, 3.0, Set.of()));
            assertThat(gate.allowed()).isFalse();   // Monday 11:00 in Berlin: outside every window
            assertThat(gate.reasons()).extracting(g -> g.code()).containsExactly(GateReasonCode.OUTSIDE_MAINTENANCE_WINDOW);

            List<AuditEvent> events = idea.auditEvents(0, 100);
            assertThat(events).extracting(AuditEvent::type).containsSubsequence(AuditEventType.UPGRADE_DRAFT,
                    AuditEventType.APPROVAL_COUNTED, AuditEventType.APPROVAL_COUNTED, AuditEventType.APPROVAL_REFUSED,
                    AuditEventType.APPROVAL_COUNTED, AuditEventType.UPGRADE_APPLY, AuditEventType.GATE_DECISION);
            assertThat(events).filteredOn(e -> e.type() == AuditEventType.APPROVAL_REFUSED).singleElement()
                    .satisfies(e -> assertThat(e.attributes()).containsEntry("reason", "UNKNOWN_SIGNER"));
        }

        try (Idea again = builder(props).build()) {      // the same chain again: accepted, nothing moves
            assertThat(again.upgrades()).isNotNull();
        }
        Path rolledBack = properties(chainFile(v1), dir.resolve("trust_store.v1.json"));
        assertThatThrownBy(() -> builder(rolledBack).build()).hasMessageContaining(dir.resolve("trust-store.json").toString())
                .hasMessageContaining("high-water mark");
        assertCode(() -> builder(rolledBack).build(), ErrorCode.TRUST_STORE_ROLLBACK);
    }

    @Test
    void build_rootNotPinned_refusesTheFirstVersion() throws Exception {
        Path store = chainFile(trustStore(1, List.of("alice", "bob"), "alice", "bob"));

        assertCode(() -> builder(properties(store, dir.resolve("trust_store.v1.json")))
                .property(TrustStore.ROOT_DIGEST_PROPERTY, "").build(), ErrorCode.TRUST_STORE_ROOT_UNTRUSTED);
        assertCode(() -> builder(properties(store, POLICY)).build(), ErrorCode.TRUST_STORE_ROOT_UNTRUSTED);
    }

    @Test
    void build_missingTrustStoreFile_namesThePath() throws Exception {
        Path missing = dir.resolve("nowhere").resolve("trust-store.json");

        assertThatThrownBy(() -> builder(properties(missing, POLICY)).build()).hasMessageContaining(missing.toString())
                .hasMessageContaining(TrustStore.PROPERTY);
    }

    @Test
    void build_unsignedTrustStore_namesTheFileAndHowToSignIt() throws Exception {
        trustStore(1, List.of("alice", "bob"), "alice");
        Path plain = dir.resolve("trust_store.v1.json");

        assertThatThrownBy(() -> builder(properties(plain, plain)).build()).hasMessageContaining(plain.toString())
                .hasMessageContaining("unsigned").hasMessageContaining("IDEA-9001");
    }

    /** Builds with one file replaced by {@code content}; the failure must name the file and each of {@code expected}. */
    private void assertBuildRefusesFile(String property, String fileName, String content, String... expected) throws Exception {
        Path props = properties(chainFile(trustStore(1, List.of("alice", "bob"), "alice", "bob")),
                dir.resolve("trust_store.v1.json"));
        Path bad = dir.resolve(fileName);
        Files.writeString(bad, content);

        var thrown = assertThatThrownBy(() -> builder(props).property(property, bad.toString()).build())
                .hasMessageContaining(bad.toString());
        for (String text : expected) {
            thrown.hasMessageContaining(text);
        }
    }

    @Test
    void build_badPolicyFile_namesTheFileAndTheField() throws Exception {
        assertBuildRefusesFile(ApprovalPolicy.PROPERTY, "policy.yaml", "rbac:\n  roles: {approver: {may_approve: [HIGH]}}\n"
                + "  required_approvals:\n    HUGE: none\n", "HUGE", "IDEA-9007");
    }

    @Test
    void build_badGuardFile_namesTheFileAndTheField() throws Exception {
        assertBuildRefusesFile(GuardPolicy.PROPERTY, "guard.yaml", "rbac: {roles: {ops: {actions: [apply]}}}\nguard:\n"
                + "  freezes:\n    - {name: f, start: \"2026-12-20T00:00\", end: \"2027-01-04T00:00\", zone: CET-ish}\n",
                "guard.freezes[0].zone", "IDEA-9150");
    }

    @Test
    void build_policyWithoutTrustStore_isRefused() {
        assertThatThrownBy(() -> Idea.builder().dataDirectory(dir).kms("local").environment(Map.of())
                .property("idea.kms.local.generate-missing", "ed25519").property(ApprovalPolicy.PROPERTY, POLICY.toString())
                .build()).hasMessageContaining(TrustStore.PROPERTY + " is not");
    }

    @Test
    void guard_withoutConfiguredPolicy_explainsHowToConfigureOne() {
        try (Idea idea = Idea.builder().dataDirectory(dir).kms("local").environment(Map.of())
                .property("idea.kms.local.generate-missing", "ed25519").build()) {
            assertThatThrownBy(idea::guard).hasMessageContaining(GuardPolicy.PROPERTY);
            assertCode(idea::guard, ErrorCode.CONFIG_INVALID);
        }
    }

    /** An approval counter handed in code, as a host that keeps its trust store elsewhere does. */
    record InCodeQuorum() implements QuorumCheck, IdeaProvider {
        @Override
        public String id() {
            return "in-code-quorum";
        }

        @Override
        public QuorumStatus evaluate(Digest manifestDigest, Impact impact, List<DsseEnvelope> approvals, Instant at) {
            return QuorumCheck.unconfigured().evaluate(manifestDigest, impact, approvals, at);
        }
    }

    @Test
    void build_counterInCodeAndTrustStoreProperty_isRefusedAsAmbiguous() throws Exception {
        Path props = properties(chainFile(trustStore(1, List.of("alice", "bob"), "alice", "bob")),
                dir.resolve("trust_store.v1.json"));

        assertThatThrownBy(() -> builder(props).provider(new InCodeQuorum()).build())
                .hasMessageContaining("passed in code").hasMessageContaining(TrustStore.PROPERTY);
        try (Idea idea = Idea.builder().dataDirectory(dir).kms("local").environment(Map.of())
                .property("idea.kms.local.generate-missing", "ed25519").provider(new InCodeQuorum()).build()) {
            assertThat(idea.upgrades()).isNotNull();
        }
    }
}
