package dev.idea.spi.kernel;

import dev.idea.api.ErrorCode;
import dev.idea.api.ProviderException;
import java.util.Optional;

/**
 * An open kernel: signs manifests, keeps the registry of signers and, optionally, drafts, applies
 * and rolls back governed upgrades.
 *
 * <p>Implementations are thread-safe.
 *
 * <p>Security guarantees expected of implementations: {@link #signManifest} signs the DSSE
 * pre-authentication encoding of exactly the payload type and payload in the request, with the key
 * that {@link #signer} reports for the returned signer id.
 *
 * @since 0.1
 */
public interface Kernel extends AutoCloseable {

    /**
     * Signs a manifest.
     *
     * @param request the payload type, canonical manifest bytes and their digest
     * @return the signature, the signer id and the {@code manifestSignatureId}
     * @throws dev.idea.api.ProviderException with {@code PROVIDER_FAILURE} when signing fails
     */
    ManifestSignature signManifest(SigningRequest request);

    /**
     * Looks a signer up in the registry.
     *
     * @param signerId the signer id
     * @return the signer, or empty when unknown
     */
    Optional<Signer> signer(String signerId);

    /**
     * Drafts a governed upgrade of a signed HIGH or CRITICAL manifest. Must be idempotent: the same
     * upgrade id returns the same draft.
     *
     * <p>The default refuses: a kernel that does not implement governed upgrades says so.
     *
     * @param request the upgrade id, manifest and who asks
     * @return the draft
     * @throws ProviderException with {@link ErrorCode#UPGRADE_UNSUPPORTED} (default) or
     *     {@code PROVIDER_FAILURE}
     * @since 0.2
     */
    default UpgradeDraft createUpgradeDraft(UpgradeDraftRequest request) {
        throw unsupported("createUpgradeDraft");
    }

    /**
     * Applies a drafted upgrade and reports the applied record. Must be idempotent: applying the
     * same upgrade again returns the record of the first application (so a caller that crashed
     * after the kernel applied can finish recording it).
     *
     * <p>The default refuses.
     *
     * @param request the draft, the manifest digest, whether it is an emergency apply, the counted approvers
     * @return the applied record
     * @throws ProviderException with {@link ErrorCode#UPGRADE_UNSUPPORTED} (default) or
     *     {@code PROVIDER_FAILURE}
     * @since 0.2
     */
    default AppliedUpgradeRecord applyUpgrade(UpgradeApplyRequest request) {
        throw unsupported("applyUpgrade");
    }

    /**
     * Rolls an applied upgrade back. Must be idempotent: rolling the same application back again
     * returns the record of the first rollback.
     *
     * <p>The default refuses.
     *
     * @param request the application to undo and why
     * @return the rollback record
     * @throws ProviderException with {@link ErrorCode#UPGRADE_UNSUPPORTED} (default) or
     *     {@code PROVIDER_FAILURE}
     * @since 0.2
     */
    default UpgradeRollbackRecord rollbackUpgrade(UpgradeRollbackRequest request) {
        throw unsupported("rollbackUpgrade");
    }

    private ProviderException unsupported(String method) {
        return new ProviderException(ErrorCode.UPGRADE_UNSUPPORTED, "kernel " + getClass().getName() + " does not implement "
                + method + "; use a kernel that supports governed upgrades (e.g. in-process) or implement the upgrade calls");
    }

    /**
     * Anchors a signed checkpoint of the audit log outside IDEA's storage (a ledger, a transparency
     * service, a timestamping authority), so that rewriting the log later is detectable.
     *
     * <p>The default refuses: kernels that cannot anchor say so with a typed error naming the missing
     * capability, and IDEA records nothing.
     *
     * @param request the checkpoint to anchor
     * @return the receipt IDEA records as an {@code audit.anchor} event
     * @throws ProviderException with {@code ANCHOR_UNSUPPORTED} when the kernel cannot anchor, or
     *     {@code PROVIDER_FAILURE} when anchoring fails
     * @since 0.2
     */
    default AnchorReceipt anchor(AnchorRequest request) {
        throw new ProviderException(ErrorCode.ANCHOR_UNSUPPORTED, "kernel " + getClass().getName()
                + " lacks the capability 'checkpoint anchoring' (Kernel.anchor); use a kernel that implements it or set "
                + "idea.audit.anchor=false");
    }

    /** Releases connections; idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
