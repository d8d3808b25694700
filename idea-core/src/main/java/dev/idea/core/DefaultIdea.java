package dev.idea.core;

import dev.idea.api.AuditEvent;
import dev.idea.api.ChainVerification;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.Manifest;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.SignedManifest;
import dev.idea.api.guard.Guard;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.upgrade.Upgrades;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.guard.DefaultGuard;
import dev.idea.core.release.ManifestVerifier;
import dev.idea.core.release.ReleasePipeline;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running {@link Idea}: delegates to the pipeline, the verifier and the audit log. Thread-safe. */
final class DefaultIdea implements Idea {
    private final ReleasePipeline pipeline;
    private final AuditLog auditLog;
    private final ManifestVerifier verifier;
    private final Upgrades upgrades;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultIdea(ReleasePipeline pipeline, AuditLog auditLog, ManifestVerifier verifier, Upgrades upgrades, Clock clock,
                List<AutoCloseable> resources) {
        this.pipeline = pipeline;
        this.auditLog = auditLog;
        this.verifier = verifier;
        this.upgrades = upgrades;
        this.clock = clock;
        this.resources = resources;
    }

    @Override
    public Release submit(PackageSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        ensureOpen();
        return pipeline.submit(submission);
    }

    @Override
    public Manifest verify(SignedManifest signed) {
        Objects.requireNonNull(signed, "signed");
        ensureOpen();
        return verifier.verify(signed);
    }

    @Override
    public Optional<SignedManifest> signedManifest(String manifestId) {
        Objects.requireNonNull(manifestId, "manifestId");
        ensureOpen();
        return pipeline.signedManifest(manifestId);
    }

    @Override
    public ChainVerification verifyAuditChain() {
        ensureOpen();
        return auditLog.verify();
    }

    @Override
    public List<AuditEvent> auditEvents(long fromSeq, int maxCount) {
        if (fromSeq < 0 || maxCount < 1) {
            throw new IllegalArgumentException("fromSeq must be >= 0 and maxCount >= 1, got " + fromSeq + ", " + maxCount);
        }
        ensureOpen();
        return auditLog.read(fromSeq, maxCount);
    }

    @Override
    public Upgrades upgrades() {
        ensureOpen();
        return upgrades;
    }

    @Override
    public Guard guard(GuardPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        ensureOpen();
        return new DefaultGuard(policy, auditLog, clock);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            DefaultIdeaEngine.closeQuietly(new ArrayDeque<>(resources), null);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IdeaException(ErrorCode.CLOSED, "this Idea instance is closed; build a new one with Idea.builder()");
        }
    }
}
