package dev.idea.core;

import dev.idea.api.AuditEventType;
import dev.idea.api.Checkpoint;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventDraft;
import dev.idea.core.release.ProviderCalls;
import dev.idea.spi.kernel.AnchorReceipt;
import dev.idea.spi.kernel.AnchorRequest;
import dev.idea.spi.kernel.Kernel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sends each new checkpoint to the kernel's anchor call and records the receipt as an
 * {@code audit.anchor} event. Thread-safe.
 */
final class Anchoring implements Consumer<Checkpoint> {
    private final Kernel kernel;
    private final String kernelId;
    private final ProviderCalls calls;
    private final AuditLog auditLog;
    private final Clock clock;

    Anchoring(Kernel kernel, String kernelId, ProviderCalls calls, AuditLog auditLog, Clock clock) {
        this.kernel = kernel;
        this.kernelId = kernelId;
        this.calls = calls;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void accept(Checkpoint c) {
        AnchorReceipt r = calls.call("kernel '" + kernelId + "' anchoring checkpoint " + c.origin() + " at size " + c.treeSize(),
                () -> kernel.anchor(new AnchorRequest(c.origin(), c.treeSize(), c.rootHash(), c.note())));
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("anchorId", r.anchorId());
        attributes.put("anchoredAt", r.anchoredAt().toString());
        attributes.put("treeSize", Long.toString(c.treeSize()));
        attributes.put("rootHash", c.rootHash().toString());
        attributes.put("kernel", kernelId);
        if (r.signerId() != null) {
            attributes.put("signerId", r.signerId());
        }
        if (r.signature() != null) {
            attributes.put("signature", r.signature());
        }
        auditLog.append(List.of(new EventDraft(clock.instant(), AuditEventType.ANCHOR, "kernel:" + kernelId,
                c.origin() + "@" + c.treeSize(), null, null, attributes)), events -> { });
    }
}
