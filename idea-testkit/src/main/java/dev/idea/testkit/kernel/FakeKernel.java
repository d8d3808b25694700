package dev.idea.testkit.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.IdeaException;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kernel.AnchorReceipt;
import dev.idea.spi.kernel.AnchorRequest;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.ManifestSignature;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kernel.SigningRequest;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import dev.idea.testkit.JdkSignatures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A configurable kernel for tests: by default it signs correctly with a key pair it generates with
 * the JDK, and keeps a registry holding that one signer.
 *
 * <p>Tests can make it misbehave: {@link #failNextCall} / {@link #failEveryCall} (for
 * {@link #signManifest} and {@link #signer}), {@link #delayEachCall} (interruptible),
 * {@link #returnWrongSignatures}, {@link #reportSignerId}, {@link #revokeSigner},
 * {@link #removeSigner}, {@link #registerSigner} and {@link #reportWrongUpgradeRecords}; the
 * failure and delay settings apply to the upgrade calls ({@link #createUpgradeDraft},
 * {@link #applyUpgrade}, {@link #rollbackUpgrade}) too; {@link #reset} restores the defaults. Every
 * {@link SigningRequest} received is recorded, including those that then failed
 * ({@link #requests()}).
 *
 * <p>Manifest signature ids follow the in-process kernel's rule: {@code "msig_"} and the first 32
 * hex digits of {@code SHA-256(UTF-8(signerId) || 0x00 || manifestDigest || 0x00 || sig)}, with
 * the reported signer id.
 *
 * <p>Thread-safe: configuration may change while other threads sign.
 *
 * <p>Security guarantees: none; this is a test double. Its private key lives in memory.
 *
 * @since 0.1
 */
public final class FakeKernel implements Kernel {

    /** Signer id used by {@link #FakeKernel()}. */
    public static final String DEFAULT_SIGNER_ID = "fake-kernel";

    private static final HexFormat HEX = HexFormat.of();

    private final String signerId;
    private final SignatureAlgorithm algorithm;
    private final KeyPair keyPair;
    private final VerificationKey publicKey;
    private final List<SigningRequest> requests = new CopyOnWriteArrayList<>();
    private final List<AnchorRequest> anchors = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // guarded by lock
    private final Map<String, Signer> registry = new TreeMap<>();
    private Supplier<? extends IdeaException> nextFailure;
    private Supplier<? extends IdeaException> everyFailure;
    private Duration delay = Duration.ZERO;
    private boolean wrongSignatures;
    private String reportedSignerId;
    private boolean closed;
    private boolean wrongUpgradeRecords;
    private final Map<String, UpgradeDraft> drafts = new TreeMap<>();
    private final Map<String, AppliedUpgradeRecord> applied = new TreeMap<>();
    private final Map<String, UpgradeRollbackRecord> rollbacks = new TreeMap<>();

    /** Creates a kernel with signer id {@value #DEFAULT_SIGNER_ID} and a fresh Ed25519 key. */
    public FakeKernel() {
        this(DEFAULT_SIGNER_ID, SignatureAlgorithm.ED25519);
    }

    /**
     * Creates a kernel with a fresh key.
     *
     * @param signerId the id of its signer
     * @param algorithm the key's algorithm
     */
    public FakeKernel(String signerId, SignatureAlgorithm algorithm) {
        this.signerId = Objects.requireNonNull(signerId, "signerId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyPair = JdkSignatures.generate(algorithm);
        this.publicKey = JdkSignatures.verificationKey(algorithm, keyPair.getPublic());
        registry.put(signerId, new Signer(signerId, publicKey, false));
    }

    /**
     * Signs the DSSE PAE of the request, unless told to fail, stall or misbehave.
     *
     * @param request the request, recorded first
     * @return the signature
     * @throws IdeaException the configured failure
     * @throws ProviderException with {@link ErrorCode#CLOSED} after {@link #close()}, or
     *     {@link ErrorCode#PROVIDER_FAILURE} when interrupted during the configured delay
     */
    @Override
    public ManifestSignature signManifest(SigningRequest request) {
        Objects.requireNonNull(request, "request");
        requests.add(request);
        beforeCall();
        Bytes pae = DsseEnvelope.pae(request.payloadType(), request.payload());
        boolean wrong;
        String reported;
        synchronized (lock) {
            wrong = wrongSignatures;
            reported = reportedSignerId == null ? signerId : reportedSignerId;
        }
        // A wrong signature is a real signature by the right key over other bytes: it looks valid
        // (right length and encoding) but does not verify over the PAE.
        Bytes signed = wrong ? Bytes.utf8("not the PAE: " + pae.hex()) : pae;
        Bytes sig = JdkSignatures.sign(algorithm, keyPair.getPrivate(), signed);
        return new ManifestSignature(manifestSignatureId(reported, request, sig), reported,
                new DsseSignature(publicKey.keyId(), sig));
    }

    /**
     * Looks a signer up in the fake registry.
     *
     * @param signerId the id
     * @return the entry, or empty
     * @throws IdeaException the configured failure
     */
    @Override
    public Optional<Signer> signer(String signerId) {
        Objects.requireNonNull(signerId, "signerId");
        beforeCall();
        synchronized (lock) {
            return Optional.ofNullable(registry.get(signerId));
        }
    }

    /**
     * Drafts an upgrade (idempotent by upgrade id), unless told to fail or stall.
     *
     * @param request the request
     * @return the draft, with draft reference {@code fake-draft-<upgradeId>}
     * @throws IdeaException the configured failure
     */
    @Override
    public UpgradeDraft createUpgradeDraft(UpgradeDraftRequest request) {
        Objects.requireNonNull(request, "request");
        beforeCall();
        synchronized (lock) {
            return drafts.computeIfAbsent(request.upgradeId(), id -> new UpgradeDraft(id, "fake-draft-" + id,
                    Instant.EPOCH));
        }
    }

    /**
     * Applies a drafted upgrade (idempotent by upgrade id), unless told to fail, stall or report a
     * wrong record ({@link #reportWrongUpgradeRecords}).
     *
     * @param request the request
     * @return the applied record
     * @throws IdeaException the configured failure
     * @throws ProviderException with {@link ErrorCode#UPGRADE_STATE_INVALID} when the upgrade was not drafted
     */
    @Override
    public AppliedUpgradeRecord applyUpgrade(UpgradeApplyRequest request) {
        Objects.requireNonNull(request, "request");
        beforeCall();
        synchronized (lock) {
            if (!drafts.containsKey(request.upgradeId())) {
                throw new ProviderException(ErrorCode.UPGRADE_STATE_INVALID, "the fake kernel has no draft "
                        + request.upgradeId() + "; draft it first");
            }
            AppliedUpgradeRecord record = applied.computeIfAbsent(request.upgradeId(), id -> new AppliedUpgradeRecord(id,
                    request.draftRef(), request.manifestDigest(), "fake-app-" + id, Instant.EPOCH,
                    request.emergency()));
            return wrongUpgradeRecords
                    ? new AppliedUpgradeRecord(record.upgradeId(), "another-draft", record.manifestDigest(),
                            record.applicationId(), record.appliedAt(), record.emergency())
                    : record;
        }
    }

    /**
     * Rolls an applied upgrade back (idempotent by upgrade id), unless told to fail or stall.
     *
     * @param request the request
     * @return the rollback record
     * @throws IdeaException the configured failure
     * @throws ProviderException with {@link ErrorCode#UPGRADE_STATE_INVALID} when the upgrade was not applied
     */
    @Override
    public UpgradeRollbackRecord rollbackUpgrade(UpgradeRollbackRequest request) {
        Objects.requireNonNull(request, "request");
        beforeCall();
        synchronized (lock) {
            if (!applied.containsKey(request.upgradeId())) {
                throw new ProviderException(ErrorCode.UPGRADE_STATE_INVALID, "the fake kernel never applied "
                        + request.upgradeId() + "; nothing to roll back");
            }
            return rollbacks.computeIfAbsent(request.upgradeId(), id -> new UpgradeRollbackRecord(id,
                    request.applicationId(), "fake-rollback-" + id, Instant.EPOCH));
        }
    }

    /**
     * Returns the upgrades applied so far, by upgrade id (rolled-back ones included).
     *
     * @return a snapshot
     */
    public Map<String, AppliedUpgradeRecord> appliedUpgrades() {
        synchronized (lock) {
            return Map.copyOf(applied);
        }
    }

    /**
     * Returns the rollbacks made so far, by upgrade id.
     *
     * @return a snapshot
     */
    public Map<String, UpgradeRollbackRecord> rollbacks() {
        synchronized (lock) {
            return Map.copyOf(rollbacks);
        }
    }

    /**
     * Makes {@link #applyUpgrade} report a record for another draft than the one applied.
     *
     * @param wrong true to misreport, false to report correctly again
     */
    public void reportWrongUpgradeRecords(boolean wrong) {
        synchronized (lock) {
            wrongUpgradeRecords = wrong;
        }
    }

    /**
     * Anchors a checkpoint in memory: records the request, then (unless told to fail) returns a
     * receipt {@code fake-anchor-<n>} dated {@code 1970-01-01T00:00:00Z + n seconds} and signed by the
     * fake kernel's key over {@code "idea-anchor/v1\n" + note}.
     *
     * @param request the checkpoint
     * @return the receipt
     * @throws IdeaException the configured failure
     */
    @Override
    public AnchorReceipt anchor(AnchorRequest request) {
        Objects.requireNonNull(request, "request");
        anchors.add(request);
        beforeCall();
        int n = anchors.size();
        Bytes sig = JdkSignatures.sign(algorithm, keyPair.getPrivate(), Bytes.utf8("idea-anchor/v1\n" + request.checkpointNote()));
        return new AnchorReceipt("fake-anchor-" + n, Instant.EPOCH.plusSeconds(n), signerId, sig.base64());
    }

    /**
     * Returns every anchor request received, in order, including those that then failed.
     *
     * @return a snapshot
     */
    public List<AnchorRequest> anchors() {
        return List.copyOf(anchors);
    }

    /** Marks the kernel closed; calls then fail with {@link ErrorCode#CLOSED} until the provider re-opens it. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    /**
     * Returns whether {@link #close()} was called since the last open.
     *
     * @return true when closed
     */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Returns this kernel's own signer id (not the one {@link #reportSignerId} may make it report).
     *
     * @return the signer id
     */
    public String signerId() {
        return signerId;
    }

    /**
     * Returns the public half of this kernel's key.
     *
     * @return the verification key
     */
    public VerificationKey publicKey() {
        return publicKey;
    }

    /**
     * Returns every signing request received, oldest first.
     *
     * @return a snapshot
     */
    public List<SigningRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Makes the next call (signing, look-up or upgrade) throw {@code failure}; later calls are unaffected.
     *
     * @param failure the exception to throw once
     */
    public void failNextCall(IdeaException failure) {
        Objects.requireNonNull(failure, "failure");
        synchronized (lock) {
            nextFailure = () -> failure;
        }
    }

    /**
     * Makes the next call throw a new {@link ProviderException} with {@code code}.
     *
     * @param code the error code
     */
    public void failNextCall(ErrorCode code) {
        Supplier<ProviderException> failure = failureOf(code);
        synchronized (lock) {
            nextFailure = failure;
        }
    }

    /**
     * Makes every call throw {@code failure} until {@link #reset()}.
     *
     * @param failure the exception to throw
     */
    public void failEveryCall(IdeaException failure) {
        Objects.requireNonNull(failure, "failure");
        synchronized (lock) {
            everyFailure = () -> failure;
        }
    }

    /**
     * Makes every call throw a new {@link ProviderException} with {@code code} until {@link #reset()}.
     *
     * @param code the error code
     */
    public void failEveryCall(ErrorCode code) {
        Supplier<ProviderException> failure = failureOf(code);
        synchronized (lock) {
            everyFailure = failure;
        }
    }

    /**
     * Makes every call sleep first; an interrupt ends the sleep with a {@link ProviderException}.
     *
     * @param perCall the delay, zero to disable
     */
    public void delayEachCall(Duration perCall) {
        Objects.requireNonNull(perCall, "perCall");
        if (perCall.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + perCall);
        }
        synchronized (lock) {
            delay = perCall;
        }
    }

    /**
     * Makes {@link #signManifest} return signatures that look valid but do not verify.
     *
     * @param wrong true to sign wrongly, false to sign correctly again
     */
    public void returnWrongSignatures(boolean wrong) {
        synchronized (lock) {
            wrongSignatures = wrong;
        }
    }

    /**
     * Makes {@link #signManifest} report another signer id than the one whose key signed.
     *
     * @param signerId the id to report, or null to report the true one
     */
    public void reportSignerId(String signerId) {
        synchronized (lock) {
            reportedSignerId = signerId;
        }
    }

    /** Marks this kernel's own signer revoked in the registry. */
    public void revokeSigner() {
        synchronized (lock) {
            registry.put(signerId, new Signer(signerId, publicKey, true));
        }
    }

    /** Removes this kernel's own signer from the registry, so look-ups of it return empty. */
    public void removeSigner() {
        synchronized (lock) {
            registry.remove(signerId);
        }
    }

    /**
     * Adds or replaces a registry entry, e.g. a retired key or a signer bound to another key.
     *
     * @param signer the entry
     */
    public void registerSigner(Signer signer) {
        Objects.requireNonNull(signer, "signer");
        synchronized (lock) {
            registry.put(signer.signerId(), signer);
        }
    }

    /** Restores the defaults: no failures or delay, correct signatures, signer id and upgrade records, registry with only the own signer, no recorded requests, drafts, applications or rollbacks. */
    public void reset() {
        synchronized (lock) {
            nextFailure = null;
            everyFailure = null;
            delay = Duration.ZERO;
            wrongSignatures = false;
            reportedSignerId = null;
            wrongUpgradeRecords = false;
            drafts.clear();
            applied.clear();
            rollbacks.clear();
            registry.clear();
            registry.put(signerId, new Signer(signerId, publicKey, false));
        }
        requests.clear();
    }

    void reopen() {
        synchronized (lock) {
            closed = false;
        }
    }

    private void beforeCall() {
        Duration pause;
        synchronized (lock) {
            if (closed) {
                throw new ProviderException(ErrorCode.CLOSED, "the fake kernel \"" + signerId
                        + "\" is closed; open it again through its provider");
            }
            pause = delay;
        }
        sleep(pause);
        Supplier<? extends IdeaException> failure;
        synchronized (lock) {
            failure = nextFailure != null ? nextFailure : everyFailure;
            nextFailure = null;
        }
        if (failure != null) {
            throw failure.get();
        }
    }

    private static void sleep(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the fake kernel was interrupted during its "
                    + pause + " delay", e);
        }
    }

    private static Supplier<ProviderException> failureOf(ErrorCode code) {
        Objects.requireNonNull(code, "code");
        return () -> new ProviderException(code, "the fake kernel was told to fail with " + code.name()
                + "; call reset() to make it work again");
    }

    private static String manifestSignatureId(String signerId, SigningRequest request, Bytes sig) {
        MessageDigest md = HashAlgorithm.SHA_256.newMessageDigest();
        md.update(signerId.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        request.manifestDigest().value().updateDigest(md);
        md.update((byte) 0);
        sig.updateDigest(md);
        return "msig_" + HEX.formatHex(md.digest()).substring(0, 32);
    }
}
