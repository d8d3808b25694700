package dev.idea.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.Kernel;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link KernelProvider} must meet; extend it in your provider's tests.
 *
 * <p>Each test opens a fresh {@link Kernel} from {@link #provider()} and {@link #context(Path)} (with
 * a new temporary directory) and closes it afterwards. A kernel's signature must verify, with the
 * JDK's own providers ({@link JdkSignatures}), over the DSSE pre-authentication encoding of the
 * request under the key that {@link Kernel#signer} reports for the returned signer id. ECDSA
 * signatures may be DER or IEEE P1363, as DSSE verification in IDEA accepts both.
 *
 * <p>Instances are created by JUnit, one per test method; they are not meant to be shared.
 *
 * @since 0.1
 */
public abstract class KernelProviderContractTest {
    private static final int THREADS = 8;
    private static final int SIGNATURES_PER_THREAD = 8;

    private Kernel kernel;

    /** Creates the kit; called by the subclass. */
    protected KernelProviderContractTest() {
    }

    /**
     * Returns the provider under test.
     *
     * @return a provider instance
     */
    protected abstract KernelProvider provider();

    /**
     * Returns the context to open the provider with (settings, clock and, if the kernel needs one,
     * a signing key).
     *
     * @param tempDir a fresh, empty directory for this test, usable as data directory
     * @return the context
     */
    protected abstract KernelContext context(Path tempDir);

    /**
     * Tells whether signing the same request twice gives the same signature. The default says yes
     * for Ed25519 signers and no for ECDSA (whose signatures are randomised unless RFC 6979 is used).
     *
     * @param signer the registry entry of the signer that signed
     * @return true when signatures are deterministic
     */
    protected boolean deterministicSignatures(Signer signer) {
        return signer.key().algorithm() == SignatureAlgorithm.ED25519;
    }

    /**
     * Returns a signing request for a small canonical-looking manifest document.
     *
     * @param manifestId the manifest id to put in the document
     * @return the request
     */
    protected SigningRequest request(String manifestId) {
        Bytes payload = Bytes.utf8("{\"artifact\":{\"digest\":\"sha256:" + "ab".repeat(32) + "\",\"size\":1024},"
                + "\"impact\":\"LOW\",\"manifestId\":\"" + manifestId + "\",\"target\":\"payments-api\","
                + "\"type\":\"service-release\",\"version\":\"1.4.2\"}");
        return new SigningRequest(manifestId, Manifest.PAYLOAD_TYPE, payload, Digest.sha256(payload));
    }

    /**
     * Returns the kernel opened for the current test.
     *
     * @return the open kernel
     */
    protected final Kernel kernel() {
        return kernel;
    }

    /**
     * Opens the kernel for one test.
     *
     * @param tempDir a fresh temporary directory
     */
    @BeforeEach
    public void openKernel(@TempDir Path tempDir) {
        kernel = provider().open(context(tempDir));
        assertNotNull(kernel, "KernelProvider.open returned null");
    }

    /** Closes the kernel after one test. */
    @AfterEach
    public void closeKernel() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** The id is a stable name of lowercase letters, digits and '-'. */
    @Test
    public void id_ofProvider_isLowercaseNameAndStable() {
        String id = provider().id();
        assertNotNull(id, "provider id");
        assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "provider id \"" + id
                + "\" must be lowercase letters and digits, with single '-' between words");
        assertEquals(id, provider().id(), "provider id must not change");
    }

    /** The returned signer id is in the registry and not revoked. */
    @Test
    public void signManifest_validRequest_signerIsRegisteredAndActive() {
        ManifestSignature signature = kernel.signManifest(request("m-1"));
        Signer signer = registered(signature);
        assertFalse(signer.revoked(), "signer " + signature.signerId() + " that just signed is revoked");
        assertEquals(signature.signerId(), signer.signerId(), "registry entry's signer id");
    }

    /** The signature verifies over the DSSE PAE with the registry's key. */
    @Test
    public void signManifest_validRequest_signatureVerifiesOverPaeWithRegistryKey() {
        SigningRequest request = request("m-2");
        ManifestSignature signature = kernel.signManifest(request);
        Signer signer = registered(signature);
        Bytes pae = DsseEnvelope.pae(request.payloadType(), request.payload());
        assertTrue(JdkSignatures.verifyDerOrP1363(signer.key(), pae, signature.signature().sig()),
                "signature does not verify over PAE(payloadType, payload) with the key of signer " + signer.signerId());
    }

    /** The signature covers the payload: it does not verify over the PAE of another payload. */
    @Test
    public void signManifest_validRequest_signatureDoesNotVerifyOverOtherPayload() {
        SigningRequest request = request("m-3");
        ManifestSignature signature = kernel.signManifest(request);
        Signer signer = registered(signature);
        Bytes other = DsseEnvelope.pae(request.payloadType(), request("m-4").payload());
        assertFalse(JdkSignatures.verifyDerOrP1363(signer.key(), other, signature.signature().sig()),
                "signature also verifies over another payload");
    }

    /** A manifest signature id is present. */
    @Test
    public void signManifest_validRequest_manifestSignatureIdIsNotBlank() {
        ManifestSignature signature = kernel.signManifest(request("m-5"));
        assertFalse(signature.manifestSignatureId().isBlank(), "manifestSignatureId is blank");
    }

    /** Signing the same request twice with a deterministic algorithm gives the same id. */
    @Test
    public void signManifest_sameRequestTwice_sameManifestSignatureIdWhenDeterministic() {
        ManifestSignature first = kernel.signManifest(request("m-6"));
        Assumptions.assumeTrue(deterministicSignatures(registered(first)), "signatures are not deterministic");
        ManifestSignature second = kernel.signManifest(request("m-6"));
        assertEquals(first.manifestSignatureId(), second.manifestSignatureId(), "manifestSignatureId of the same request");
    }

    /** Different manifests get different manifest signature ids. */
    @Test
    public void signManifest_differentManifests_differentManifestSignatureIds() {
        ManifestSignature first = kernel.signManifest(request("m-7"));
        ManifestSignature second = kernel.signManifest(request("m-8"));
        assertNotEquals(first.manifestSignatureId(), second.manifestSignatureId(), "two manifests share an id");
    }

    /** An unknown signer id is not in the registry. */
    @Test
    public void signer_unknownId_isEmpty() {
        assertTrue(kernel.signer("idea-contract-test-no-such-signer").isEmpty(), "unknown signer id was found");
    }

    /**
     * Eight threads signing distinct manifests at once all get signatures that verify.
     *
     * @throws Exception when a thread is interrupted
     */
    @Test
    public void signManifest_eightThreadsConcurrently_allSignaturesVerify() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < SIGNATURES_PER_THREAD; i++) {
                    String manifestId = "m-concurrent-" + t + "-" + i;
                    tasks.add(() -> signsVerifiably(request(manifestId)));
                }
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertTrue(KmsProviderContractTest.unwrap(result), "a concurrent signature does not verify");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Closing twice is harmless. */
    @Test
    public void close_calledTwice_doesNotThrow() {
        kernel.close();
        kernel.close();
    }

    /**
     * A kernel that supports governed upgrades drafts, applies and rolls back idempotently, and its
     * records name exactly the upgrade, draft and manifest asked for. Skipped for kernels that
     * answer {@code UPGRADE_UNSUPPORTED}.
     */
    @Test
    public void upgrade_draftApplyRollbackTwice_sameRecordsMatchingTheRequest() {
        Digest manifest = Digest.sha256(Bytes.utf8("contract upgrade manifest"));
        String upgradeId = "up-" + manifest.hex().substring(0, 24);
        UpgradeDraftRequest draftRequest = new UpgradeDraftRequest(upgradeId, "mf-contract", manifest, "msig_contract",
                Impact.HIGH, "contract");
        UpgradeDraft draft;
        try {
            draft = kernel.createUpgradeDraft(draftRequest);
        } catch (IdeaException e) {
            Assumptions.assumeFalse(e.errorCode() == ErrorCode.UPGRADE_UNSUPPORTED, "kernel does not support upgrades");
            throw e;
        }
        assertEquals(upgradeId, draft.upgradeId());
        assertEquals(draft, kernel.createUpgradeDraft(draftRequest));

        UpgradeApplyRequest apply = new UpgradeApplyRequest(upgradeId, draft.draftRef(), manifest, true, List.of(), "ops");
        AppliedUpgradeRecord applied = kernel.applyUpgrade(apply);
        assertEquals(upgradeId, applied.upgradeId());
        assertEquals(draft.draftRef(), applied.draftRef());
        assertEquals(manifest, applied.manifestDigest());
        assertTrue(applied.emergency());
        assertEquals(applied, kernel.applyUpgrade(apply));

        UpgradeRollbackRequest rollback = new UpgradeRollbackRequest(upgradeId, applied.applicationId(), manifest, "lapsed");
        UpgradeRollbackRecord rolledBack = kernel.rollbackUpgrade(rollback);
        assertEquals(upgradeId, rolledBack.upgradeId());
        assertEquals(applied.applicationId(), rolledBack.applicationId());
        assertEquals(rolledBack, kernel.rollbackUpgrade(rollback));
    }

    private boolean signsVerifiably(SigningRequest request) {
        ManifestSignature signature = kernel.signManifest(request);
        Signer signer = registered(signature);
        return JdkSignatures.verifyDerOrP1363(signer.key(), DsseEnvelope.pae(request.payloadType(), request.payload()),
                signature.signature().sig());
    }

    private Signer registered(ManifestSignature signature) {
        return kernel.signer(signature.signerId()).orElseThrow(() -> new AssertionError("signer id \""
                + signature.signerId() + "\" returned by signManifest is not in the registry"));
    }
}
