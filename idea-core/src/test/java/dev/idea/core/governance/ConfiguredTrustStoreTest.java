package dev.idea.core.governance;

import static dev.idea.core.governance.GovernanceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.governance.TrustStore;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfiguredTrustStoreTest {
    private final GovernanceFixtures f = new GovernanceFixtures();
    private final MutableClock clock = MutableClock.at(T0);
    private final Storage storage = new InMemoryStorageProvider().open(new StorageContext(Map.of(), null, clock));
    private final TrustStoreChain chain = TrustStoreChain.open(storage.records(), clock);

    private final DsseEnvelope v1 = signed(store(1, "a", "b", "c"), "a", "b");
    private final DsseEnvelope v2 = signed(store(2, "b", "c", "d"), "a", "b", "c", "d");
    private final DsseEnvelope v3 = signed(store(3, "c", "d", "e"), "b", "c", "d", "e");

    @AfterEach
    void close() {
        storage.close();
    }

    private TrustStore store(long version, String... names) {
        return new TrustStore(version, Arrays.stream(names).map(n -> f.trusted(n, "approver")).toList(), 2, false);
    }

    private DsseEnvelope signed(TrustStore store, String... signers) {
        return TrustStoreCodec.sign(store, f.signers(signers));
    }

    private static Bytes file(DsseEnvelope... envelopes) {
        if (envelopes.length == 1) {
            return EnvelopeCodec.write(envelopes[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (DsseEnvelope e : envelopes) {
            sb.append(sb.length() == 1 ? "" : ",").append(EnvelopeCodec.write(e).utf8String());
        }
        return Bytes.utf8(sb.append(']').toString());
    }

    private TrustStore load(Bytes file, DsseEnvelope pinned) {
        return ConfiguredTrustStore.load(file, Optional.ofNullable(pinned).map(ConfiguredTrustStore::rootDigest), false, chain);
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code, String text) {
        assertThatThrownBy(call).isInstanceOf(IdeaException.class).hasMessageContaining(text)
                .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void load_pinnedRootAndChain_acceptsUpToTheNewestAndPersistsTheMark() {
        TrustStore current = load(file(v1, v2, v3), v1);

        assertThat(current.version()).isEqualTo(3);
        assertThat(chain.highWaterMark()).isEqualTo(3);
    }

    @Test
    void load_pinOnALaterVersion_startsThere() {
        assertThat(load(file(v1, v2, v3), v2).version()).isEqualTo(3);
    }

    @Test
    void load_noPinOnAnEmptyChain_refusesAndListsTheDigestsToPin() {
        assertCode(() -> load(file(v1), null), ErrorCode.TRUST_STORE_ROOT_UNTRUSTED,
                ConfiguredTrustStore.rootDigest(v1).toString());
        assertThat(chain.highWaterMark()).isZero();
    }

    @Test
    void load_pinMatchingNoVersion_refuses() {
        assertCode(() -> load(file(v2), v1), ErrorCode.TRUST_STORE_ROOT_UNTRUSTED, "pinned root digest");
    }

    @Test
    void load_insecureFirstUse_acceptsTheFirstVersionUnpinned() {
        TrustStore current = ConfiguredTrustStore.load(file(v1), Optional.empty(), true, chain);

        assertThat(current.version()).isEqualTo(1);
    }

    @Test
    void load_fileOlderThanTheMark_refusesAsRollbackEvenWithThePinnedRoot() {
        load(file(v1, v2), v1);

        assertCode(() -> load(file(v1), v1), ErrorCode.TRUST_STORE_ROLLBACK, "high-water mark");
        assertThat(chain.highWaterMark()).isEqualTo(2);
    }

    @Test
    void load_sameVersionAgain_isANoOp_andNewerRotationAdvances() {
        load(file(v1, v2), v1);

        assertThat(load(file(v1, v2), null).version()).isEqualTo(2);
        assertThat(load(file(v3), null).version()).isEqualTo(3);
    }

    @Test
    void load_sameVersionOtherContent_refusesAsRollback() {
        load(file(v1), v1);
        DsseEnvelope otherV1 = signed(store(1, "a", "b", "x"), "a", "b");

        assertCode(() -> load(file(otherV1), null), ErrorCode.TRUST_STORE_ROLLBACK, "other content");
    }

    @Test
    void load_skippedVersion_refusesAsGap() {
        load(file(v1), v1);

        assertCode(() -> load(file(v3), null), ErrorCode.TRUST_STORE_VERSION_GAP, "version 3");
    }

    @Test
    void load_rotationWithoutTheOldThreshold_refuses() {
        load(file(v1), v1);
        DsseEnvelope forged = signed(store(2, "x", "y", "z"), "x", "y", "z");

        assertCode(() -> load(file(forged), null), ErrorCode.TRUST_STORE_THRESHOLD_NOT_MET, "previous version 1");
    }

    @Test
    void load_versionsOutOfOrder_refuses() {
        assertCode(() -> load(file(v2, v1), v1), ErrorCode.TRUST_STORE_INVALID, "oldest first");
    }

    @Test
    void load_unsignedDocument_explainsHowToSignIt() {
        assertCode(() -> load(TrustStoreCodec.write(store(1, "a", "b")), null), ErrorCode.TRUST_STORE_INVALID,
                "unsigned trust_store.json");
    }

    @Test
    void load_emptyArray_refuses() {
        assertCode(() -> load(Bytes.utf8("[]"), null), ErrorCode.TRUST_STORE_INVALID, "empty array");
    }

    @Test
    void rootDigest_isTheSha256OfThePayload() {
        assertThat(ConfiguredTrustStore.rootDigest(v1)).isEqualTo(Digest.sha256(v1.payload()));
    }
}
