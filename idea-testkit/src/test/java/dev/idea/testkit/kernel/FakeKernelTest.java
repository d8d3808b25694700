package dev.idea.testkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.spi.kernel.ManifestSignature;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kernel.SigningRequest;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import dev.idea.testkit.JdkSignatures;
import dev.idea.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FakeKernelTest {
    private final FakeKernelProvider provider = new FakeKernelProvider();
    private final FakeKernel kernel = provider.open(context());

    private static KernelContext context() {
        return new KernelContext(Map.of(), null, MutableClock.at(Instant.parse("2026-01-01T00:00:00Z")), null);
    }

    private static SigningRequest request(String id) {
        Bytes payload = Bytes.utf8("{\"manifestId\":\"" + id + "\"}");
        return new SigningRequest(id, Manifest.PAYLOAD_TYPE, payload, Digest.sha256(payload));
    }

    private boolean verifies(SigningRequest request, ManifestSignature signature) {
        return JdkSignatures.verify(kernel.publicKey(), DsseEnvelope.pae(request.payloadType(), request.payload()),
                signature.signature().sig());
    }

    @Test
    void open_calledTwice_returnsSameKernelAndRecordsContexts() {
        KernelContext second = context();
        assertSame(kernel, provider.open(second));
        assertSame(kernel, provider.kernel());
        assertEquals(2, provider.openedWith().size());
        assertSame(second, provider.openedWith().get(1));
    }

    @Test
    void serviceLoader_kernelProviders_includeFake() {
        assertTrue(ServiceLoader.load(KernelProvider.class).stream()
                .anyMatch(p -> p.type() == FakeKernelProvider.class));
    }

    @Test
    void signManifest_byDefault_verifiesAndUsesOwnSigner() {
        SigningRequest request = request("m-1");
        ManifestSignature signature = kernel.signManifest(request);
        assertTrue(verifies(request, signature));
        assertEquals(FakeKernel.DEFAULT_SIGNER_ID, signature.signerId());
        assertEquals(kernel.publicKey().keyId(), signature.signature().keyid());
        assertTrue(signature.manifestSignatureId().matches("msig_[0-9a-f]{32}"), signature.manifestSignatureId());
    }

    @Test
    void signManifest_anyOutcome_recordsEveryRequest() {
        kernel.signManifest(request("m-1"));
        kernel.failNextCall(ErrorCode.PROVIDER_FAILURE);
        assertThrows(ProviderException.class, () -> kernel.signManifest(request("m-2")));
        assertEquals(List.of(request("m-1"), request("m-2")), kernel.requests());
    }

    @Test
    void failNextCall_errorCode_failsOnceThenWorks() {
        kernel.failNextCall(ErrorCode.PROVIDER_TIMEOUT);
        ProviderException e = assertThrows(ProviderException.class, () -> kernel.signManifest(request("m-1")));
        assertEquals(ErrorCode.PROVIDER_TIMEOUT, e.errorCode());
        assertTrue(verifies(request("m-2"), kernel.signManifest(request("m-2"))));
    }

    @Test
    void failNextCall_givenException_throwsThatInstanceFromLookup() {
        IdeaException failure = new ConfigurationException(ErrorCode.CONFIG_INVALID, "test failure");
        kernel.failNextCall(failure);
        assertSame(failure, assertThrows(IdeaException.class, () -> kernel.signer(FakeKernel.DEFAULT_SIGNER_ID)));
        assertTrue(kernel.signer(FakeKernel.DEFAULT_SIGNER_ID).isPresent());
    }

    @Test
    void failEveryCall_errorCode_failsUntilReset() {
        kernel.failEveryCall(ErrorCode.PROVIDER_FAILURE);
        for (int i = 0; i < 3; i++) {
            ProviderException e = assertThrows(ProviderException.class, () -> kernel.signManifest(request("m")));
            assertEquals(ErrorCode.PROVIDER_FAILURE, e.errorCode());
        }
        assertThrows(ProviderException.class, () -> kernel.signer(FakeKernel.DEFAULT_SIGNER_ID));
        kernel.reset();
        assertTrue(verifies(request("m"), kernel.signManifest(request("m"))));
    }

    @Test
    void failEveryCall_givenException_throwsIt() {
        IdeaException failure = new ProviderException(ErrorCode.PROVIDER_TIMEOUT, "test failure");
        kernel.failEveryCall(failure);
        assertSame(failure, assertThrows(IdeaException.class, () -> kernel.signManifest(request("m"))));
        assertSame(failure, assertThrows(IdeaException.class, () -> kernel.signManifest(request("m"))));
    }

    @Test
    void delayEachCall_interrupted_throwsAndKeepsInterruptFlag() throws Exception {
        kernel.delayEachCall(Duration.ofMinutes(10));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            started.countDown();
            try {
                kernel.signManifest(request("m-slow"));
            } catch (RuntimeException e) {
                thrown.set(e);
                interruptFlag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        started.await();
        caller.interrupt();
        caller.join();
        assertTrue(thrown.get() instanceof ProviderException, String.valueOf(thrown.get()));
        assertEquals(ErrorCode.PROVIDER_FAILURE, ((ProviderException) thrown.get()).errorCode());
        assertEquals(Boolean.TRUE, interruptFlag.get());
    }

    @Test
    void delayEachCall_negative_throws() {
        assertThrows(IllegalArgumentException.class, () -> kernel.delayEachCall(Duration.ofMillis(-1)));
    }

    @Test
    void delayEachCall_short_stillSigns() {
        kernel.delayEachCall(Duration.ofMillis(1));
        assertTrue(verifies(request("m"), kernel.signManifest(request("m"))));
    }

    @Test
    void returnWrongSignatures_enabled_signatureLooksValidButDoesNotVerify() {
        SigningRequest request = request("m-1");
        ManifestSignature good = kernel.signManifest(request);
        kernel.returnWrongSignatures(true);
        ManifestSignature wrong = kernel.signManifest(request);
        assertEquals(good.signature().sig().size(), wrong.signature().sig().size());
        assertEquals(good.signerId(), wrong.signerId());
        assertFalse(verifies(request, wrong));
        kernel.returnWrongSignatures(false);
        assertTrue(verifies(request, kernel.signManifest(request)));
    }

    @Test
    void reportSignerId_other_reportsItAndRegistryDoesNotKnowIt() {
        kernel.reportSignerId("someone-else");
        ManifestSignature signature = kernel.signManifest(request("m-1"));
        assertEquals("someone-else", signature.signerId());
        assertTrue(kernel.signer("someone-else").isEmpty());
        kernel.reportSignerId(null);
        assertEquals(FakeKernel.DEFAULT_SIGNER_ID, kernel.signManifest(request("m-1")).signerId());
    }

    @Test
    void revokeSigner_ownSigner_lookupShowsRevoked() {
        kernel.revokeSigner();
        Signer signer = kernel.signer(FakeKernel.DEFAULT_SIGNER_ID).orElseThrow();
        assertTrue(signer.revoked());
        assertEquals(kernel.publicKey(), signer.key());
    }

    @Test
    void removeSigner_ownSigner_lookupIsEmptyUntilReset() {
        kernel.removeSigner();
        assertTrue(kernel.signer(FakeKernel.DEFAULT_SIGNER_ID).isEmpty());
        kernel.reset();
        assertFalse(kernel.signer(FakeKernel.DEFAULT_SIGNER_ID).orElseThrow().revoked());
    }

    @Test
    void registerSigner_retiredKey_isReturned() {
        var retired = new Signer("retired", JdkSignatures.verificationKey(SignatureAlgorithm.ED25519,
                JdkSignatures.generate(SignatureAlgorithm.ED25519).getPublic()), false);
        kernel.registerSigner(retired);
        assertEquals(retired, kernel.signer("retired").orElseThrow());
    }

    @Test
    void close_thenCall_throwsClosedUntilReopened() {
        kernel.close();
        assertTrue(kernel.isClosed());
        ProviderException e = assertThrows(ProviderException.class, () -> kernel.signManifest(request("m")));
        assertEquals(ErrorCode.CLOSED, e.errorCode());
        provider.open(context());
        assertFalse(kernel.isClosed());
        assertTrue(verifies(request("m"), kernel.signManifest(request("m"))));
    }

    @Test
    void failOpen_errorCode_openThrowsUntilCleared() {
        provider.failOpen(ErrorCode.PROVIDER_FAILURE);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.open(context()));
        assertEquals(ErrorCode.PROVIDER_FAILURE, e.errorCode());
        provider.failOpen((IdeaException) null);
        assertSame(kernel, provider.open(context()));
    }

    @Test
    void signManifest_differentKernels_differentKeys() {
        assertNotEquals(kernel.publicKey(), new FakeKernel().publicKey());
    }

    @Test
    void upgradeCalls_failuresAndWrongRecords_areInjectableAndResetClearsThem() {
        FakeKernel kernel = new FakeKernel();
        Digest manifest = Digest.sha256(Bytes.utf8("m"));
        UpgradeDraftRequest draftRequest = new UpgradeDraftRequest("up-1", "mf-1", manifest, "msig_1", Impact.HIGH, "alice");
        kernel.failNextCall(ErrorCode.PROVIDER_TIMEOUT);
        assertEquals(ErrorCode.PROVIDER_TIMEOUT,
                assertThrows(ProviderException.class, () -> kernel.createUpgradeDraft(draftRequest)).errorCode());
        UpgradeApplyRequest apply = new UpgradeApplyRequest("up-1", "fake-draft-up-1", manifest, false, List.of("bob"), "ops");
        assertEquals(ErrorCode.UPGRADE_STATE_INVALID,
                assertThrows(ProviderException.class, () -> kernel.applyUpgrade(apply)).errorCode());

        UpgradeDraft draft = kernel.createUpgradeDraft(draftRequest);
        assertEquals("fake-draft-up-1", draft.draftRef());
        kernel.reportWrongUpgradeRecords(true);
        assertEquals("another-draft", kernel.applyUpgrade(apply).draftRef());
        kernel.reportWrongUpgradeRecords(false);
        AppliedUpgradeRecord applied = kernel.applyUpgrade(apply);
        assertEquals(draft.draftRef(), applied.draftRef());
        assertEquals(Map.of("up-1", applied), kernel.appliedUpgrades());
        UpgradeRollbackRecord rollback = kernel.rollbackUpgrade(new UpgradeRollbackRequest("up-1", applied.applicationId(),
                manifest, "lapsed"));
        assertEquals(Map.of("up-1", rollback), kernel.rollbacks());

        kernel.reset();
        assertTrue(kernel.appliedUpgrades().isEmpty());
        assertTrue(kernel.rollbacks().isEmpty());
    }
}
