package dev.idea.core.upgrade;

import dev.idea.api.IdeaException;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.UpgradeState;
import dev.idea.api.upgrade.UpgradeStatus;
import dev.idea.core.audit.AuditLog;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles ratification windows at the clock's instant: ratifies emergency applies whose threshold
 * was met by the deadline, marks lapsed those whose deadline passed without it, and rolls lapsed
 * upgrades back through the kernel, retrying on each run until the kernel succeeds.
 *
 * <p>Not thread-safe on its own: {@link DefaultUpgrades} calls it under its lock.
 *
 * <p>Security guarantees: ratification after the deadline counts only approvals received before
 * the deadline, judged valid at the deadline; a late reconcile cannot ratify with late approvals.
 */
final class Reconciler {
    /** Counts an upgrade's approvals at an instant, optionally only those received before a cut-off. */
    interface Counter {
        QuorumStatus count(UpgradeRecord record, Instant at, Instant receivedBefore);
    }

    private final UpgradeStore store;
    private final AuditLog auditLog;
    private final KernelUpgrades kernel;
    private final Clock clock;
    private final Counter counter;

    Reconciler(UpgradeStore store, AuditLog auditLog, KernelUpgrades kernel, Clock clock, Counter counter) {
        this.store = store;
        this.auditLog = auditLog;
        this.kernel = kernel;
        this.clock = clock;
        this.counter = counter;
    }

    List<UpgradeStatus> run() {
        List<UpgradeStatus> changed = new ArrayList<>();
        for (String id : store.upgradeIds()) {
            Optional<UpgradeRecord> found = store.find(id);
            if (found.isEmpty() || !found.get().state().awaitsReconcile()) {
                continue;
            }
            UpgradeRecord record = found.get();
            Instant now = clock.instant();
            QuorumStatus quorum;
            if (record.state() == UpgradeState.PENDING_RATIFICATION) {
                Instant deadline = record.ratificationDeadline();
                boolean open = now.isBefore(deadline);
                quorum = open ? counter.count(record, now, null) : counter.count(record, deadline.minusNanos(1), deadline);
                if (quorum.met()) {
                    record = store.save(record.settled(UpgradeState.RATIFIED, now));
                    auditLog.append(List.of(UpgradeEvents.ratified(record, quorum)), concurrent -> { });
                    changed.add(record.toStatus(quorum));
                    continue;
                }
                if (open) {
                    continue;
                }
                record = store.save(record.settled(UpgradeState.LAPSED, now));
                auditLog.append(List.of(UpgradeEvents.lapsed(record, quorum)), concurrent -> { });
            } else {
                quorum = counter.count(record, now, null);
            }
            changed.add(rollBack(record, quorum, now));
        }
        return changed;
    }

    private UpgradeStatus rollBack(UpgradeRecord lapsed, QuorumStatus quorum, Instant now) {
        UpgradeRollbackRecord done;
        try {
            done = kernel.rollback(new UpgradeRollbackRequest(lapsed.upgradeId(), lapsed.applicationId(),
                    lapsed.manifestDigest(), "ratification window closed at " + lapsed.ratificationDeadline()
                    + " without the threshold"));
        } catch (IdeaException e) {
            // Stays LAPSED; the next run retries. The failure is kept on the record for operators.
            UpgradeRecord failed = store.save(lapsed.failed(e.getMessage()));
            return failed.toStatus(quorum);
        }
        UpgradeRecord rolledBack = store.save(lapsed.rolledBack(done.rollbackId(), now));
        auditLog.append(List.of(UpgradeEvents.rolledBack(rolledBack)), concurrent -> { });
        return rolledBack.toStatus(quorum);
    }
}
