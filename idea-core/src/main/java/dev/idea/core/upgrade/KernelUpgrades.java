package dev.idea.core.upgrade;

import dev.idea.api.ErrorCode;
import dev.idea.api.upgrade.UpgradeException;
import dev.idea.core.release.ProviderCalls;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import java.util.Objects;

/**
 * The kernel's upgrade calls, each with a deadline and a check that the kernel's answer is about
 * exactly what was asked.
 *
 * <p>Thread-safe.
 *
 * <p>Security guarantees: a draft, applied record or rollback record naming another upgrade,
 * draft, manifest digest, application or emergency flag is refused with
 * {@link ErrorCode#UPGRADE_KERNEL_RECORD_INVALID} before anything is recorded.
 */
final class KernelUpgrades {
    private final Kernel kernel;
    private final String kernelId;
    private final ProviderCalls calls;

    KernelUpgrades(Kernel kernel, String kernelId, ProviderCalls calls) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.kernelId = Objects.requireNonNull(kernelId, "kernelId");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    UpgradeDraft draft(UpgradeDraftRequest request) {
        String what = "kernel '" + kernelId + "' drafting upgrade " + request.upgradeId();
        UpgradeDraft d = calls.call(what, () -> kernel.createUpgradeDraft(request));
        if (d == null || !request.upgradeId().equals(d.upgradeId())) {
            throw mismatch(what, "a draft for " + (d == null ? "nothing" : d.upgradeId()));
        }
        return d;
    }

    AppliedUpgradeRecord apply(UpgradeRecord record, UpgradeApplyRequest request) {
        String what = "kernel '" + kernelId + "' applying upgrade " + request.upgradeId()
                + (request.emergency() ? " (emergency)" : "");
        AppliedUpgradeRecord a = calls.call(what, () -> kernel.applyUpgrade(request));
        if (a == null) {
            throw mismatch(what, "no applied-upgrade record");
        }
        if (!a.upgradeId().equals(request.upgradeId()) || !a.draftRef().equals(record.draftRef())
                || !a.manifestDigest().equals(record.manifestDigest()) || a.emergency() != request.emergency()) {
            throw mismatch(what, "a record for upgrade " + a.upgradeId() + ", draft " + a.draftRef() + ", manifest "
                    + a.manifestDigest() + ", emergency=" + a.emergency() + " instead of " + request.upgradeId() + ", "
                    + record.draftRef() + ", " + record.manifestDigest() + ", emergency=" + request.emergency());
        }
        return a;
    }

    UpgradeRollbackRecord rollback(UpgradeRollbackRequest request) {
        String what = "kernel '" + kernelId + "' rolling back upgrade " + request.upgradeId();
        UpgradeRollbackRecord r = calls.call(what, () -> kernel.rollbackUpgrade(request));
        if (r == null || !r.upgradeId().equals(request.upgradeId()) || !r.applicationId().equals(request.applicationId())) {
            throw mismatch(what, r == null ? "no rollback record"
                    : "a rollback of " + r.upgradeId() + "/" + r.applicationId() + " instead of " + request.upgradeId()
                    + "/" + request.applicationId());
        }
        return r;
    }

    private static UpgradeException mismatch(String what, String got) {
        return new UpgradeException(ErrorCode.UPGRADE_KERNEL_RECORD_INVALID, what + " returned " + got
                + "; nothing was recorded: check the kernel, then retry");
    }
}
