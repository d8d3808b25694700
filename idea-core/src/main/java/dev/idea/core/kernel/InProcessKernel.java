package dev.idea.core.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.IdeaException;
import dev.idea.api.ProviderException;
import dev.idea.api.ValidationException;
import dev.idea.spi.kernel.AnchorReceipt;
import dev.idea.spi.kernel.AnchorRequest;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.ManifestSignature;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.kernel.SigningRequest;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The kernel opened by {@link InProcessKernelProvider}: signs the DSSE PAE of each request with the
 * KMS-backed signing key and answers look-ups from its {@link SignerRegistry}.
 *
 * <p>The {@code manifestSignatureId} of a signature is {@code "msig_"} followed by the first 32
 * lowercase hex digits (128 bits) of
 * {@code SHA-256(UTF-8(signerId) || 0x00 || manifestDigest bytes || 0x00 || signature bytes)}; it
 * is a pure function of its inputs, so the same signature always gets the same id, on any machine.
 *
 * <p>Governed upgrades (drafts, applications, rollbacks) are kept in an {@link UpgradeLedger}
 * beside the signer registry; every upgrade call is idempotent by upgrade id.
 *
 * <p>Thread-safe: the signing key, the registry and the ledger are thread-safe and the rest is immutable.
 *
 * <p>Security guarantees: signs exactly {@code PAE(payloadType, payload)} of the request, and only
 * after checking that the request's manifest digest is SHA-256 of its payload, so the id binds the
 * digest that was actually signed.
 */
final class InProcessKernel implements Kernel {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ID_PREFIX = "msig_";
    private static final int ID_HEX_DIGITS = 32;

    private final Signer own;
    private final String keyId;
    private final SigningKey signingKey;
    private final SignerRegistry registry;
    private final UpgradeLedger upgrades;
    private final Clock clock;
    private volatile boolean closed;

    InProcessKernel(Signer own, SigningKey signingKey, SignerRegistry registry, Clock clock, UpgradeLedger upgrades) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.own = Objects.requireNonNull(own, "own");
        this.keyId = own.key().keyId();
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.upgrades = Objects.requireNonNull(upgrades, "upgrades");
    }

    @Override
    public ManifestSignature signManifest(SigningRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        requireMatchingDigest(request);
        Bytes sig = sign(DsseEnvelope.pae(request.payloadType(), request.payload()));
        String id = manifestSignatureId(own.signerId(), request.manifestDigest(), sig);
        return new ManifestSignature(id, own.signerId(), new DsseSignature(keyId, sig));
    }

    @Override
    public Optional<Signer> signer(String signerId) {
        Objects.requireNonNull(signerId, "signerId");
        ensureOpen();
        return registry.find(signerId);
    }

    /**
     * Anchors a checkpoint by signing {@code "idea-anchor/v1\n" + checkpoint note} with the kernel's
     * key; the anchor id is {@code "anc_"} and 32 hex digits of SHA-256 of the signer id, a zero byte
     * and that signature. The in-process kernel has no external ledger: the receipt proves that the
     * kernel's key saw this checkpoint at this time, which is as strong as that key's custody.
     */
    @Override
    public AnchorReceipt anchor(AnchorRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        Bytes sig = sign(Bytes.utf8("idea-anchor/v1\n" + request.checkpointNote()));
        MessageDigest md = HashAlgorithm.SHA_256.newMessageDigest();
        md.update(own.signerId().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        sig.updateDigest(md);
        String id = "anc_" + HEX.formatHex(md.digest()).substring(0, ID_HEX_DIGITS);
        return new AnchorReceipt(id, clock.instant(), own.signerId(), sig.base64());
    }

    @Override
    public UpgradeDraft createUpgradeDraft(UpgradeDraftRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        return upgrades.draft(request);
    }

    @Override
    public AppliedUpgradeRecord applyUpgrade(UpgradeApplyRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        return upgrades.apply(request);
    }

    @Override
    public UpgradeRollbackRecord rollbackUpgrade(UpgradeRollbackRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        return upgrades.rollback(request);
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * Computes a manifest signature id as described in the class comment.
     *
     * @param signerId the signer id
     * @param manifestDigest the SHA-256 manifest digest
     * @param sig the signature bytes
     * @return {@code msig_} and 32 hex digits
     */
    static String manifestSignatureId(String signerId, Digest manifestDigest, Bytes sig) {
        MessageDigest md = HashAlgorithm.SHA_256.newMessageDigest();
        md.update(signerId.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        manifestDigest.value().updateDigest(md);
        md.update((byte) 0);
        sig.updateDigest(md);
        return ID_PREFIX + HEX.formatHex(md.digest()).substring(0, ID_HEX_DIGITS);
    }

    private Bytes sign(Bytes pae) {
        Bytes sig;
        try {
            sig = signingKey.sign(pae);
        } catch (IdeaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the KMS failed to sign for kernel signer \""
                    + own.signerId() + "\" (" + e + "); check the KMS and idea.kernel.key-ref", e);
        }
        if (sig == null || sig.isEmpty()) {
            throw new ProviderException(ErrorCode.PROVIDER_FAILURE, "the KMS returned an empty signature for kernel signer \""
                    + own.signerId() + "\"; check the KMS and idea.kernel.key-ref");
        }
        return sig;
    }

    private static void requireMatchingDigest(SigningRequest request) {
        Digest digest = request.manifestDigest();
        if (digest.algorithm() != HashAlgorithm.SHA_256) {
            throw new ValidationException(ErrorCode.MANIFEST_MISMATCH, "manifest " + request.manifestId()
                    + ": the manifest digest must be sha256, got " + digest.algorithm().prefix());
        }
        Digest actual = Digest.sha256(request.payload());
        if (!actual.equals(digest)) {
            throw new ValidationException(ErrorCode.MANIFEST_MISMATCH, "manifest " + request.manifestId()
                    + ": manifestDigest " + digest + " is not the SHA-256 of the payload (" + actual
                    + "); compute the digest over exactly the canonical bytes being signed");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ProviderException(ErrorCode.CLOSED, "the in-process kernel for signer \"" + own.signerId()
                    + "\" is closed; open a new one");
        }
    }
}
