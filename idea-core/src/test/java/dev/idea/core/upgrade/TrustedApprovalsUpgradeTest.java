package dev.idea.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.Idea;
import dev.idea.api.IdeaProvider;
import dev.idea.api.Impact;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.api.governance.Verdict;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.core.TestPackages;
import dev.idea.core.governance.ApprovalCodec;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.kernel.FakeKernelProvider;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The upgrade flow counting real DSSE-signed approvals through the trust store and the default approval policy. */
class TrustedApprovalsUpgradeTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final MutableClock clock = MutableClock.at(T0);
    private final LocalKms kms = LocalKms.inMemory();
    private final TrustStore store = new TrustStore(1, List.of(trusted("alice"), trusted("bob"), trusted("carol"),
            TrustedSigner.of("sub", key("sub"), Set.of("submitter"))), 1, false);

    /** Hands the evaluator-backed check to the builder, as a host wiring its trust store does. */
    private record TrustedQuorum(QuorumCheck check) implements QuorumCheck, IdeaProvider {
        @Override
        public String id() {
            return "trusted-quorum";
        }

        @Override
        public QuorumStatus evaluate(Digest manifestDigest, Impact impact, List<DsseEnvelope> approvals, Instant at) {
            return check.evaluate(manifestDigest, impact, approvals, at);
        }
    }

    private dev.idea.api.VerificationKey key(String name) {
        KeyRef ref = KeyRef.of(name);
        return kms.keyRefs().contains(ref) ? kms.publicKey(ref) : kms.createKey(ref, SignatureAlgorithm.ED25519);
    }

    private TrustedSigner trusted(String name) {
        return TrustedSigner.of(name, key(name), Set.of(ApprovalPolicy.APPROVER));
    }

    private DsseEnvelope approval(String keyName, String approverId, Digest manifest) {
        EnvelopeSigner signer = EnvelopeSigner.of(key(keyName).keyId(), pae -> kms.sign(KeyRef.of(keyName), pae));
        Instant now = clock.instant();
        return ApprovalCodec.sign(new ApprovalStatement(manifest, Verdict.APPROVE, approverId, now, now.plus(Duration.ofDays(2))),
                signer).envelope();
    }

    @Test
    void apply_signedApprovals_countsDistinctTrustedApproversOnly() {
        try (Idea idea = Idea.builder().provider(new InMemoryStorageProvider()).storage("memory")
                .provider(new FakeKernelProvider()).kernel("fake").clock(clock).environment(Map.of())
                .provider(new TrustedQuorum(QuorumCheck.of(store, ApprovalPolicy.defaults()))).build()) {
            Release r = idea.submit(PackageSubmission.ofBytes(Bytes.of(TestPackages.service())).target("payments-api")
                    .version("4.0.0").impact(Impact.HIGH).rationale("new ledger").proposedBy("alice")
                    .mediaType("application/gzip").build());
            Digest digest = r.manifestDigest();
            String id = idea.upgrades().draft(r.signedManifest(), "alice").upgradeId();

            idea.upgrades().approve(id, approval("alice", "alice", digest));
            clock.advance(Duration.ofMinutes(1));
            // alice's key claiming to be bob, for the very statement bob signs next: must not shadow bob's approval
            idea.upgrades().approve(id, approval("alice", "bob", digest));
            idea.upgrades().approve(id, approval("bob", "bob", Digest.sha256(Bytes.utf8("replayed elsewhere"))));
            idea.upgrades().approve(id, approval("sub", "sub", digest));            // no approver role
            idea.upgrades().approve(id, approval("bob", "bob", digest));
            assertThatThrownBy(() -> idea.upgrades().apply(id, "release-manager")).hasMessageContaining("IDEA-9009")
                    .hasMessageContaining("OTHER_MANIFEST").hasMessageContaining("MISSING_ROLE");

            clock.advance(Duration.ofMinutes(1));
            UpgradeStatus s = idea.upgrades().approve(id, approval("carol", "carol", digest));
            assertThat(s.quorum().met()).as(s.quorum().toString()).isTrue();
            assertThat(s.quorum().countedApprovers()).containsExactly("alice", "bob", "carol");
            assertThat(idea.upgrades().apply(id, "release-manager").state()).isEqualTo(UpgradeState.APPLIED);

            List<AuditEvent> votes = idea.auditEvents(0, 100).stream()
                    .filter(e -> e.type() == AuditEventType.APPROVAL_COUNTED || e.type() == AuditEventType.APPROVAL_REFUSED)
                    .toList();
            assertThat(votes).extracting(AuditEvent::type).containsExactly(AuditEventType.APPROVAL_COUNTED,
                    AuditEventType.APPROVAL_REFUSED, AuditEventType.APPROVAL_REFUSED, AuditEventType.APPROVAL_REFUSED,
                    AuditEventType.APPROVAL_COUNTED, AuditEventType.APPROVAL_COUNTED);
            assertThat(votes.get(1).attributes()).containsEntry("reason", "BAD_SIGNATURE");
            assertThat(votes.get(2).attributes()).containsEntry("reason", "OTHER_MANIFEST");
            assertThat(votes.get(3).attributes()).containsEntry("reason", "MISSING_ROLE");
        }
    }
}
