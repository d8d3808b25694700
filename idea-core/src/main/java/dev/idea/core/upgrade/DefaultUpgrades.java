package dev.idea.core.upgrade;

import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.Impact;
import dev.idea.api.Manifest;
import dev.idea.api.SignedManifest;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.QuorumVote;
import dev.idea.api.upgrade.UpgradeException;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.api.upgrade.Upgrades;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventDraft;
import dev.idea.core.release.ManifestVerifier;
import dev.idea.core.release.ProviderCalls;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.storage.RecordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The {@link Upgrades} of one IDEA instance: drafts through the kernel, stores approvals, counts
 * them through a {@link QuorumCheck}, applies, emergency-applies and reconciles ratification
 * windows; settling lapsed windows is delegated to {@link Reconciler}.
 *
 * <p>Thread-safe: every operation runs under one lock, so transitions of this instance are
 * serialized; another instance on the same storage loses at the record's compare-and-set.
 *
 * <p>Order of each transition: the kernel call (idempotent by upgrade id), then the record's
 * compare-and-set (the commit point), then the audit events. A failure before the compare-and-set
 * changes nothing IDEA records; a retry finds the kernel's earlier record.
 *
 * <p>Security guarantees: apply and ratification count the stored approvals through the
 * {@link QuorumCheck} at the moment of the transition; the kernel is never asked whether the
 * threshold holds. A kernel record that does not match the request is refused.
 */
public final class DefaultUpgrades implements Upgrades {
    static final Pattern UPGRADE_ID = Pattern.compile("up-[0-9a-f]{24}");
    private static final Duration MAX_WINDOW = Duration.ofDays(365);

    private final UpgradeStore store;
    private final AuditLog auditLog;
    private final KernelUpgrades kernel;
    private final ManifestVerifier verifier;
    private final Clock clock;
    private final QuorumCheck quorumCheck;
    private final Duration window;
    private final Reconciler reconciler;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Creates the upgrades.
     *
     * @param records where upgrade records and approvals are kept
     * @param auditLog the audit chain
     * @param kernel the kernel that drafts, applies and rolls back
     * @param kernelId its provider id, for messages
     * @param verifier checks manifest signatures before drafting
     * @param calls runs kernel calls with a deadline
     * @param clock the only source of time
     * @param quorumCheck counts approvals
     * @param window the ratification window of emergency applies
     */
    public DefaultUpgrades(RecordStore records, AuditLog auditLog, Kernel kernel, String kernelId, ManifestVerifier verifier,
                           ProviderCalls calls, Clock clock, QuorumCheck quorumCheck, Duration window) {
        this.store = new UpgradeStore(Objects.requireNonNull(records, "records"));
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.kernel = new KernelUpgrades(kernel, kernelId, calls);
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quorumCheck = Objects.requireNonNull(quorumCheck, "quorumCheck");
        this.window = requireWindow(window);
        this.reconciler = new Reconciler(store, auditLog, this.kernel, clock, this::count);
    }

    /**
     * Reads the ratification window from {@value Upgrades#RATIFICATION_WINDOW_PROPERTY}.
     *
     * @param value the setting, if set
     * @return the window, {@link Upgrades#DEFAULT_RATIFICATION_WINDOW} when unset
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} for a malformed or out-of-range value
     */
    public static Duration ratificationWindow(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_RATIFICATION_WINDOW;
        }
        try {
            return requireWindow(Duration.parse(value.get().trim()));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, RATIFICATION_WINDOW_PROPERTY + " \"" + value.get()
                    + "\" is not an ISO-8601 duration; write e.g. PT48H or P2D", e);
        }
    }

    private static Duration requireWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, RATIFICATION_WINDOW_PROPERTY + " " + window
                    + " is out of range; give a positive duration of at most " + MAX_WINDOW);
        }
        return window;
    }

    @Override
    public UpgradeStatus draft(SignedManifest signed, String requestedBy) {
        Objects.requireNonNull(signed, "signed");
        requireText(requestedBy, "requestedBy");
        Manifest manifest = verifier.verify(signed);
        if (manifest.impact() != Impact.HIGH && manifest.impact() != Impact.CRITICAL) {
            throw new UpgradeException(ErrorCode.UPGRADE_NOT_GOVERNED, "manifest " + manifest.manifestId() + " has impact "
                    + manifest.impact() + "; only HIGH and CRITICAL changes go through a governed upgrade, release it directly");
        }
        Digest digest = Digest.sha256(signed.envelope().payload());
        String upgradeId = "up-" + digest.hex().substring(0, 24);
        lock.lock();
        try {
            Optional<UpgradeRecord> existing = store.find(upgradeId);
            if (existing.isPresent()) {
                return status(existing.get());
            }
            UpgradeDraft d = kernel.draft(new UpgradeDraftRequest(upgradeId, manifest.manifestId(), digest,
                    signed.manifestSignatureId(), manifest.impact(), requestedBy));
            UpgradeRecord record = store.save(UpgradeRecord.drafted(upgradeId, manifest.manifestId(), digest,
                    signed.manifestSignatureId(), manifest.target(), manifest.impact(), d.draftRef(), requestedBy,
                    clock.instant()));
            append(List.of(UpgradeEvents.draft(record)));
            return status(record);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UpgradeStatus approve(String upgradeId, DsseEnvelope approval) {
        Objects.requireNonNull(upgradeId, "upgradeId");
        Objects.requireNonNull(approval, "approval");
        if (!APPROVAL_PAYLOAD_TYPE.equals(approval.payloadType())) {
            throw new UpgradeException(ErrorCode.UPGRADE_APPROVAL_INVALID, "approval for " + upgradeId + " has payloadType \""
                    + UpgradeStore.abbreviate(approval.payloadType()) + "\"; send a DSSE envelope of type " + APPROVAL_PAYLOAD_TYPE);
        }
        lock.lock();
        try {
            UpgradeRecord record = store.require(upgradeId);
            Instant now = clock.instant();
            requireOpenForApprovals(record, now);
            Digest envelopeDigest = StoredApproval.digestOf(approval);
            List<StoredApproval> stored = store.approvals(upgradeId);
            if (stored.stream().anyMatch(a -> a.envelopeDigest().equals(envelopeDigest))) {
                return status(record);
            }
            if (stored.size() >= MAX_APPROVALS) {
                throw new UpgradeException(ErrorCode.UPGRADE_APPROVAL_INVALID, "upgrade " + upgradeId + " already holds "
                        + MAX_APPROVALS + " approvals; refusing envelope " + envelopeDigest
                        + " (the limit keeps counting bounded)");
            }
            if (!store.addApproval(upgradeId, new StoredApproval(envelopeDigest, approval, now))) {
                return status(record);
            }
            List<StoredApproval> all = store.approvals(upgradeId);
            QuorumStatus quorum = count(record, all, now);
            QuorumVote vote = voteOf(all, quorum, envelopeDigest, approval);
            List<EventDraft> events = new ArrayList<>();
            events.add(UpgradeEvents.vote(record, vote, quorum, now));
            if (record.state() == UpgradeState.PENDING_RATIFICATION && quorum.met()) {
                record = store.save(record.settled(UpgradeState.RATIFIED, now));
                events.add(UpgradeEvents.ratified(record, quorum));
            }
            append(events);
            return record.toStatus(quorum);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UpgradeStatus apply(String upgradeId, String actor) {
        Objects.requireNonNull(upgradeId, "upgradeId");
        requireText(actor, "actor");
        lock.lock();
        try {
            UpgradeRecord record = requireDraft(store.require(upgradeId), "apply");
            Instant now = clock.instant();
            QuorumStatus quorum = count(record, now, null);
            if (!quorum.met()) {
                throw new UpgradeException(ErrorCode.APPROVAL_THRESHOLD_NOT_MET, describeShortfall(record, quorum));
            }
            AppliedUpgradeRecord applied = kernel.apply(record, new UpgradeApplyRequest(upgradeId, record.draftRef(),
                    record.manifestDigest(), false, quorum.countedApprovers(), actor));
            record = store.save(record.applied(applied.applicationId(), now));
            append(List.of(UpgradeEvents.apply(record, actor, quorum, applied.appliedAt())));
            return record.toStatus(quorum);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UpgradeStatus emergencyApply(String upgradeId, String actor, String reason) {
        Objects.requireNonNull(upgradeId, "upgradeId");
        requireText(actor, "actor");
        requireText(reason, "reason");
        lock.lock();
        try {
            UpgradeRecord record = requireDraft(store.require(upgradeId), "emergency-apply");
            Instant now = clock.instant();
            QuorumStatus quorum = count(record, now, null);
            AppliedUpgradeRecord applied = kernel.apply(record, new UpgradeApplyRequest(upgradeId, record.draftRef(),
                    record.manifestDigest(), true, quorum.countedApprovers(), actor));
            record = store.save(record.emergencyApplied(applied.applicationId(), now, now.plus(window)));
            List<EventDraft> events = new ArrayList<>();
            events.add(UpgradeEvents.emergencyApply(record, actor, reason, applied.appliedAt()));
            if (quorum.met()) {
                record = store.save(record.settled(UpgradeState.RATIFIED, now));
                events.add(UpgradeEvents.ratified(record, quorum));
            }
            append(events);
            return record.toStatus(quorum);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<UpgradeStatus> reconcile() {
        lock.lock();
        try {
            return reconciler.run();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UpgradeStatus status(String upgradeId) {
        Objects.requireNonNull(upgradeId, "upgradeId");
        return status(store.require(upgradeId));
    }

    @Override
    public List<UpgradeStatus> pending() {
        List<UpgradeStatus> out = new ArrayList<>();
        for (String id : store.upgradeIds()) {
            store.find(id).filter(r -> !r.state().isTerminal()).ifPresent(r -> out.add(status(r)));
        }
        return out;
    }

    @Override
    public Duration ratificationWindow() {
        return window;
    }

    private UpgradeStatus status(UpgradeRecord record) {
        return record.toStatus(count(record, clock.instant(), null));
    }

    /**
     * Counts the stored approvals of an upgrade at an instant.
     *
     * @param receivedBefore when not null, only approvals received before this instant are counted
     */
    QuorumStatus count(UpgradeRecord record, Instant at, Instant receivedBefore) {
        List<StoredApproval> selected = new ArrayList<>();
        for (StoredApproval a : store.approvals(record.upgradeId())) {
            if (receivedBefore == null || a.receivedAt().isBefore(receivedBefore)) {
                selected.add(a);
            }
        }
        return count(record, selected, at);
    }

    private QuorumStatus count(UpgradeRecord record, List<StoredApproval> approvals, Instant at) {
        List<DsseEnvelope> envelopes = new ArrayList<>(approvals.size());
        approvals.forEach(a -> envelopes.add(a.envelope()));
        return Objects.requireNonNull(quorumCheck.evaluate(record.manifestDigest(), record.impact(), envelopes, at),
                "QuorumCheck returned null");
    }

    /** The vote on one approval: votes are one per approval, in the order the approvals were passed. */
    private static QuorumVote voteOf(List<StoredApproval> all, QuorumStatus quorum, Digest envelopeDigest,
                                     DsseEnvelope approval) {
        for (int i = 0; i < all.size() && i < quorum.votes().size(); i++) {
            if (all.get(i).envelopeDigest().equals(envelopeDigest)) {
                return quorum.votes().get(i);
            }
        }
        return new QuorumVote(Digest.sha256(approval.pae()), "", false, "NOT_EVALUATED");
    }

    private void append(List<EventDraft> events) {
        auditLog.append(events, concurrent -> { });
    }

    private static void requireOpenForApprovals(UpgradeRecord record, Instant now) {
        boolean lapsed = record.state() == UpgradeState.PENDING_RATIFICATION && !now.isBefore(record.ratificationDeadline());
        if (record.state().isTerminal() || record.state() == UpgradeState.LAPSED || lapsed) {
            throw new UpgradeException(ErrorCode.UPGRADE_STATE_INVALID, "upgrade " + record.upgradeId() + " is "
                    + (lapsed ? "past its ratification deadline " + record.ratificationDeadline() : record.state())
                    + " and takes no more approvals; draft a new manifest to change it again");
        }
    }

    private static UpgradeRecord requireDraft(UpgradeRecord record, String what) {
        if (record.state() != UpgradeState.DRAFT) {
            throw new UpgradeException(ErrorCode.UPGRADE_STATE_INVALID, "cannot " + what + " upgrade " + record.upgradeId()
                    + ": it is " + record.state() + ", and only a DRAFT can be applied; read upgrades().status(id)");
        }
        return record;
    }

    static String describeShortfall(UpgradeRecord record, QuorumStatus quorum) {
        StringBuilder sb = new StringBuilder("upgrade ").append(record.upgradeId()).append(" (manifest ")
                .append(record.manifestId()).append(", ").append(record.impact()).append(") needs ")
                .append(quorum.requirement()).append(" but counted ").append(quorum.countedApprovers());
        List<String> refused = new ArrayList<>();
        for (QuorumVote v : quorum.votes()) {
            if (!v.counted()) {
                refused.add((v.approverId().isEmpty() ? "?" : v.approverId()) + " " + v.reason());
            }
        }
        if (!refused.isEmpty()) {
            sb.append("; not counted: ").append(refused);
        }
        return sb.append("; collect approvals from more distinct, role-qualified approvers or use emergencyApply").toString();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank text, got " + (value == null ? "null" : "\"\""));
        }
    }
}
