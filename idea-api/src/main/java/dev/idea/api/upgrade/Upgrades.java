package dev.idea.api.upgrade;

import dev.idea.api.DsseEnvelope;
import dev.idea.api.SignedManifest;
import java.time.Duration;
import java.util.List;

/**
 * Governed upgrades of HIGH and CRITICAL manifests, obtained from {@link dev.idea.api.Idea#upgrades()}.
 *
 * <p>A signed manifest is turned into a draft by the kernel; approvals (DSSE envelopes of payload
 * type {@value #APPROVAL_PAYLOAD_TYPE}) arrive over time and are stored; {@link #apply} refuses
 * until IDEA itself has counted a threshold of distinct, trusted, role-qualified approvers and the
 * kernel has reported an applied-upgrade record. {@link #emergencyApply} applies at once and opens
 * a ratification window ({@value #RATIFICATION_WINDOW_PROPERTY}, default 48 hours); the threshold
 * met inside the window ratifies the upgrade, a window that lapses unratified makes
 * {@link #reconcile()} roll the upgrade back through the kernel. Every transition and every
 * approval counted or refused is an audit event.
 *
 * <p>Time comes only from the instance's clock; there are no timers. The host drives
 * {@link #reconcile()} (from a scheduler, or on start-up): windows survive a restart because the
 * upgrade state is kept in the record store.
 *
 * <p>Thread-safe. Transitions of one instance are serialized; concurrent instances on the same
 * storage are detected by compare-and-set and refused with {@code STORAGE_CONFLICT}.
 *
 * <p>Security guarantees: the kernel's word is never taken for approvals: the threshold is counted
 * by IDEA from the stored envelopes against its trust store and policy at every apply and
 * ratification. An applied-upgrade record whose upgrade id, draft or manifest digest differ from
 * the request is refused and nothing is recorded.
 *
 * @since 0.2
 */
public interface Upgrades {

    /** Payload type of approval statements. */
    String APPROVAL_PAYLOAD_TYPE = "application/vnd.idea.approval.v1+json";

    /** Setting (ISO-8601 duration, e.g. {@code PT48H}) for the ratification window of emergency applies. */
    String RATIFICATION_WINDOW_PROPERTY = "idea.upgrade.ratification-window";

    /** Default ratification window: 48 hours. */
    Duration DEFAULT_RATIFICATION_WINDOW = Duration.ofHours(48);

    /** Most distinct approvals stored per upgrade. */
    int MAX_APPROVALS = 64;

    /**
     * Verifies a signed HIGH or CRITICAL manifest and has the kernel draft an upgrade for it.
     * Drafting the same manifest again returns the existing upgrade.
     *
     * @param signed the kernel-signed manifest
     * @param requestedBy who asks for the upgrade
     * @return the draft
     * @throws UpgradeException with {@code UPGRADE_NOT_GOVERNED} for a LOW or MEDIUM manifest,
     *     {@code UPGRADE_UNSUPPORTED} when the kernel cannot draft upgrades
     * @throws dev.idea.api.VerificationException when the manifest signature does not verify
     */
    UpgradeStatus draft(SignedManifest signed, String requestedBy);

    /**
     * Stores one approval and records whether it counted. An approval already stored is not
     * stored twice. After the approval is stored, an upgrade pending ratification whose threshold
     * is now met is ratified.
     *
     * @param upgradeId the upgrade
     * @param approval a DSSE envelope of payload type {@value #APPROVAL_PAYLOAD_TYPE}
     * @return the upgrade, with the approvals as counted now
     * @throws UpgradeException with {@code UPGRADE_NOT_FOUND}, {@code UPGRADE_APPROVAL_INVALID},
     *     or {@code UPGRADE_STATE_INVALID} once the upgrade is settled or its window has lapsed
     */
    UpgradeStatus approve(String upgradeId, DsseEnvelope approval);

    /**
     * Applies a drafted upgrade whose threshold IDEA has counted as met.
     *
     * @param upgradeId the upgrade
     * @param actor who applies it
     * @return the applied upgrade
     * @throws UpgradeException with {@code APPROVAL_THRESHOLD_NOT_MET} listing the counted and refused
     *     approvals, {@code UPGRADE_STATE_INVALID} unless the upgrade is a draft,
     *     {@code UPGRADE_KERNEL_RECORD_INVALID} when the kernel's record does not match
     */
    UpgradeStatus apply(String upgradeId, String actor);

    /**
     * Applies a drafted upgrade at once, without its threshold, and opens the ratification window.
     *
     * @param upgradeId the upgrade
     * @param actor who applies it
     * @param reason why it cannot wait, recorded in the audit event
     * @return the upgrade, pending ratification (or ratified, when the threshold is already met)
     * @throws UpgradeException with {@code UPGRADE_STATE_INVALID} unless the upgrade is a draft,
     *     {@code UPGRADE_KERNEL_RECORD_INVALID} when the kernel's record does not match
     */
    UpgradeStatus emergencyApply(String upgradeId, String actor, String reason);

    /**
     * Settles every upgrade whose ratification window needs attention at the clock's current
     * instant: ratifies those whose threshold was met by the deadline, marks lapsed the others
     * whose deadline has passed and rolls them back through the kernel. A rollback the kernel
     * refuses leaves the upgrade LAPSED with {@code lastError} set; the next call retries it.
     *
     * @return the upgrades whose state changed or whose rollback failed, in upgrade id order
     */
    List<UpgradeStatus> reconcile();

    /**
     * Returns an upgrade, with its approvals counted at the current instant.
     *
     * @param upgradeId the upgrade
     * @return the status
     * @throws UpgradeException with {@code UPGRADE_NOT_FOUND}
     */
    UpgradeStatus status(String upgradeId);

    /**
     * Returns the upgrades that are not settled yet (DRAFT, PENDING_RATIFICATION, LAPSED), in upgrade id order.
     *
     * @return the statuses
     */
    List<UpgradeStatus> pending();

    /**
     * Returns the ratification window new emergency applies get.
     *
     * @return the configured window
     */
    Duration ratificationWindow();
}
