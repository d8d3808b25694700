package dev.idea.core.governance;

import static dev.idea.core.governance.GovernanceFixtures.MANIFEST;
import static dev.idea.core.governance.GovernanceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Impact;
import dev.idea.api.VerificationException;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.QuorumVote;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.storage.FileSystemStorageProvider;
import dev.idea.core.upgrade.QuorumCheck;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.MutableClock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval counter follows the trust store persisted in the storage, and never lets it move back. */
class CurrentTrustStoreQuorumCheckTest {
    private final GovernanceFixtures f = new GovernanceFixtures();
    private final MutableClock clock = MutableClock.at(T0);
    @TempDir
    Path dir;
    private Storage storage;
    private DsseEnvelope v1;
    private DsseEnvelope v2;

    @BeforeEach
    void open() {
        storage = new FileSystemStorageProvider().open(new StorageContext(Map.of(), dir, clock));
        v1 = TrustStoreCodec.sign(store(1, "a", "b", "c"), f.signers("a", "b"));
        v2 = TrustStoreCodec.sign(store(2, "c", "d", "e"), f.signers("a", "b", "d", "e"));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private TrustStore store(long version, String... names) {
        return new TrustStore(version, Arrays.stream(names).map(n -> f.trusted(n, ApprovalPolicy.APPROVER)).toList(), 2, false);
    }

    private QuorumStatus count(QuorumCheck check, String... approvers) {
        return check.evaluate(MANIFEST, Impact.HIGH, Arrays.stream(approvers)
                .map(a -> f.approve(a, MANIFEST, T0).envelope()).toList(), T0.plusSeconds(60));
    }

    @Test
    void evaluate_rotationAcceptedByAnotherChainOnTheSameStorage_countsWithTheNewVersion() {
        TrustStoreChain.open(storage.records(), clock).accept(v1);
        QuorumCheck check = QuorumCheck.following(TrustStoreChain.open(storage.records(), clock), ApprovalPolicy.defaults());
        assertThat(count(check, "c", "d", "e").met()).isFalse();

        TrustStoreChain.open(storage.records(), clock).accept(v2);   // another instance rotates

        QuorumStatus after = count(check, "a", "c", "d", "e");
        assertThat(after.met()).isTrue();
        assertThat(after.countedApprovers()).containsExactly("c", "d", "e");
        assertThat(after.votes().get(0)).extracting(QuorumVote::reason).isEqualTo("UNKNOWN_SIGNER");
    }

    @Test
    void evaluate_storedVersionMovedBack_throwsRollback() {
        TrustStoreChain chain = TrustStoreChain.open(storage.records(), clock);
        chain.acceptAll(List.of(v1, v2));
        QuorumCheck check = QuorumCheck.following(chain, ApprovalPolicy.defaults());

        storage.records().compareAndSet(TrustStoreChain.RECORD_KEY, chain.recordVersion(), EnvelopeCodec.write(v1));

        var e = assertThrows(VerificationException.class, () -> count(check, "c", "d", "e"));
        assertEquals(ErrorCode.TRUST_STORE_ROLLBACK, e.errorCode());
        assertThat(e.getMessage()).contains("version 1").contains("version 2 was already in force");
    }

    @Test
    void evaluate_sameVersionWithOtherContent_throwsRollback() {
        TrustStoreChain chain = TrustStoreChain.open(storage.records(), clock);
        chain.accept(v1);
        QuorumCheck check = QuorumCheck.following(chain, ApprovalPolicy.defaults());
        DsseEnvelope otherV1 = TrustStoreCodec.sign(store(1, "x", "y"), f.signers("x", "y"));

        storage.records().compareAndSet(TrustStoreChain.RECORD_KEY, chain.recordVersion(), EnvelopeCodec.write(otherV1));

        var e = assertThrows(VerificationException.class, () -> count(check, "x", "y"));
        assertEquals(ErrorCode.TRUST_STORE_ROLLBACK, e.errorCode());
        assertThat(e.getMessage()).contains("other content");
    }

    @Test
    void following_noVersionAccepted_throwsInvalid() {
        var e = assertThrows(VerificationException.class, () -> QuorumCheck.following(
                TrustStoreChain.open(storage.records(), clock), ApprovalPolicy.defaults()));
        assertEquals(ErrorCode.TRUST_STORE_INVALID, e.errorCode());
    }
}
