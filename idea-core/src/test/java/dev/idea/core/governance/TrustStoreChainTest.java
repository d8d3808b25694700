package dev.idea.core.governance;

import static dev.idea.core.governance.GovernanceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.storage.FileSystemStorageProvider;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreChainTest {
    private final GovernanceFixtures f = new GovernanceFixtures();
    private final MutableClock clock = MutableClock.at(T0);
    @TempDir
    Path dir;
    private Storage storage;
    private TrustStoreChain chain;

    @BeforeEach
    void open() {
        storage = new FileSystemStorageProvider().open(new StorageContext(Map.of(), dir, clock));
        chain = TrustStoreChain.open(storage.records(), clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private TrustStore store(long version, int threshold, String... names) {
        return new TrustStore(version, java.util.Arrays.stream(names).map(n -> f.trusted(n, "approver")).toList(), threshold, false);
    }

    private DsseEnvelope signed(TrustStore store, String... signers) {
        return TrustStoreCodec.sign(store, f.signers(signers));
    }

    @Test
    void accept_firstVersionSignedByItsThreshold_becomesCurrent() {
        TrustStore v1 = store(1, 2, "a", "b", "c");
        assertEquals(v1, chain.accept(signed(v1, "a", "c")));
        assertEquals(v1, chain.current().orElseThrow());
        assertEquals(1, chain.highWaterMark());
    }

    @Test
    void accept_firstVersionBelowItsOwnThreshold_throwsThresholdNotMet() {
        TrustStore v1 = store(1, 2, "a", "b", "c");
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(v1, "a", "a", "outsider")));
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
        assertTrue(chain.current().isEmpty());
    }

    @Test
    void accept_rotationSignedByOldAndNewThresholds_advances() {
        chain.accept(signed(store(1, 2, "a", "b", "c"), "a", "b"));
        TrustStore v2 = store(2, 2, "c", "d", "e");
        assertEquals(v2, chain.accept(signed(v2, "a", "b", "d", "e")));
        assertEquals(2, chain.highWaterMark());
    }

    @Test
    void accept_rotationOneOldKeyShort_throwsThresholdNotMetNamingThePreviousVersion() {
        chain.accept(signed(store(1, 2, "a", "b", "c"), "a", "b"));
        TrustStore v2 = store(2, 2, "c", "d", "e");
        // "c" is in both versions: it counts for each, but the old threshold still needs a second old key.
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(v2, "c", "d", "e")));
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
        assertThat(e.getMessage()).contains("previous version 1");
        assertEquals(1, chain.highWaterMark());
    }

    @Test
    void accept_rotationWithOnlyNewKeys_throwsThresholdNotMet() {
        chain.accept(signed(store(1, 2, "a", "b", "c"), "a", "b"));
        TrustStore hijack = store(2, 1, "mallory");
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(hijack, "mallory")));
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
    }

    @Test
    void accept_rotationWithoutNewThreshold_throwsThresholdNotMetNamingTheNewVersion() {
        chain.accept(signed(store(1, 2, "a", "b", "c"), "a", "b"));
        TrustStore v2 = store(2, 2, "d", "e", "f");
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(v2, "a", "b", "d")));
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
        assertThat(e.getMessage()).contains("new version 2");
    }

    @Test
    void accept_olderVersion_throwsRollback() {
        TrustStore v1 = store(1, 1, "a", "b");
        DsseEnvelope signedV1 = signed(v1, "a");
        chain.accept(signedV1);
        chain.accept(signed(store(2, 1, "b"), "a", "b"));
        var e = assertThrows(VerificationException.class, () -> chain.accept(signedV1));
        assertEquals(ErrorCode.TRUST_STORE_ROLLBACK, e.errorCode());
        assertThat(e.getMessage()).contains("version 1 is not newer than version 2");
    }

    @Test
    void accept_rollbackAfterRestart_isStillRefusedFromThePersistedMark() {
        DsseEnvelope signedV1 = signed(store(1, 1, "a", "b"), "a");
        chain.accept(signedV1);
        chain.accept(signed(store(2, 1, "b"), "a", "b"));
        storage.close();
        open();
        assertEquals(2, chain.highWaterMark());
        var e = assertThrows(VerificationException.class, () -> chain.accept(signedV1));
        assertEquals(ErrorCode.TRUST_STORE_ROLLBACK, e.errorCode());
    }

    @Test
    void accept_sameVersionWithOtherContent_throwsRollback() {
        chain.accept(signed(store(1, 1, "a", "b"), "a"));
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(store(1, 1, "a", "c"), "a")));
        assertEquals(ErrorCode.TRUST_STORE_ROLLBACK, e.errorCode());
        assertThat(e.getMessage()).contains("with other content");
    }

    @Test
    void accept_currentVersionAgain_returnsItUnchanged() {
        TrustStore v1 = store(1, 1, "a", "b");
        chain.accept(signed(v1, "a"));
        assertEquals(v1, chain.accept(signed(v1, "b")));
        assertEquals(1, chain.highWaterMark());
    }

    @Test
    void accept_skippedVersion_throwsVersionGap() {
        chain.accept(signed(store(1, 1, "a"), "a"));
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(store(3, 1, "a"), "a")));
        assertEquals(ErrorCode.TRUST_STORE_VERSION_GAP, e.errorCode());
    }

    @Test
    void acceptAll_walksTheChainInOrder() {
        TrustStore last = chain.acceptAll(List.of(
                signed(store(1, 1, "a"), "a"),
                signed(store(2, 1, "b"), "a", "b"),
                signed(store(3, 1, "c"), "b", "c")));
        assertEquals(3, last.version());
        assertEquals(3, chain.highWaterMark());
    }

    @Test
    void accept_previousKeyRevokedInPreviousVersion_doesNotCount() {
        TrustStore v1 = new TrustStore(1, List.of(f.trusted("a", "approver"),
                new TrustedSigner("b", f.key("b"), Set.of(), Instant.MIN, Instant.MAX, true)), 1, false);
        chain.accept(signed(v1, "a"));
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(store(2, 1, "b"), "b")));
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
    }

    @Test
    void accept_previousKeyExpiredAtClockTime_doesNotCount() {
        TrustStore v1 = new TrustStore(1, List.of(f.trusted("a", "approver"),
                new TrustedSigner("b", f.key("b"), Set.of(), Instant.MIN, T0.plus(Duration.ofDays(1)), false)), 1, false);
        chain.accept(signed(v1, "b"));
        clock.advance(Duration.ofDays(2));
        var e = assertThrows(VerificationException.class, () -> chain.accept(signed(store(2, 1, "c"), "b", "c")));
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
        assertEquals(2, chain.accept(signed(store(2, 1, "c"), "a", "c")).version());
    }

    @Test
    void current_tamperedRecord_throwsThresholdNotMet() {
        chain.accept(signed(store(1, 1, "a"), "a"));
        DsseEnvelope forged = new DsseEnvelope(TrustStoreCodec.PAYLOAD_TYPE, TrustStoreCodec.write(store(1, 1, "mallory")),
                signed(store(1, 1, "a"), "a").signatures());
        storage.records().compareAndSet(TrustStoreChain.RECORD_KEY, 1, EnvelopeCodec.write(forged));
        var e = assertThrows(VerificationException.class, () -> chain.current());
        assertEquals(ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, e.errorCode());
    }

    @Test
    void accept_rootThenRotation_reportsEachAcceptanceWithVersionsAndDigests() {
        List<TrustStoreAcceptance> reported = new ArrayList<>();
        TrustStoreChain reporting = TrustStoreChain.open(storage.records(), clock, reported::add);
        DsseEnvelope v1 = signed(store(1, 2, "a", "b", "c"), "a", "b");
        DsseEnvelope v2 = signed(store(2, 2, "c", "d", "e"), "a", "b", "d", "e");

        reporting.accept(v1);
        reporting.accept(v2);

        assertThat(reported).containsExactly(
                new TrustStoreAcceptance(0, null, 1, Digest.sha256(v1.payload())),
                new TrustStoreAcceptance(1, Digest.sha256(v1.payload()), 2, Digest.sha256(v2.payload())));
        assertTrue(reported.get(0).isRoot());
    }

    @Test
    void accept_currentVersionAgainOrRefusedVersion_reportsNothing() {
        List<TrustStoreAcceptance> reported = new ArrayList<>();
        TrustStoreChain reporting = TrustStoreChain.open(storage.records(), clock, reported::add);
        DsseEnvelope v1 = signed(store(1, 2, "a", "b", "c"), "a", "b");
        reporting.accept(v1);

        reporting.accept(v1);
        assertThrows(VerificationException.class, () -> reporting.accept(signed(store(2, 2, "d", "e"), "d", "e")));

        assertThat(reported).hasSize(1);
    }

    @Test
    void recordVersion_changesWithEachAcceptance() {
        assertEquals(0, chain.recordVersion());
        chain.accept(signed(store(1, 1, "a"), "a"));
        long first = chain.recordVersion();
        chain.accept(signed(store(1, 1, "a"), "a"));
        assertEquals(first, chain.recordVersion());
        chain.accept(signed(store(2, 1, "b"), "a", "b"));
        assertThat(chain.recordVersion()).isGreaterThan(first);
    }
}
