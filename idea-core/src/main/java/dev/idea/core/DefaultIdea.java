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
import dev.idea.api.ValidationReport;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.release.ManifestVerifier;
import dev.idea.core.release.ReleasePipeline;
import dev.idea.core.validation.PackageSource;
import dev.idea.core.validation.PackageValidation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running {@link Idea}: delegates to the pipeline, the verifier and the audit log. Thread-safe. */
final class DefaultIdea implements Idea {
    private final ReleasePipeline pipeline;
    private final PackageValidation validation;
    private final AuditLog auditLog;
    private final ManifestVerifier verifier;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultIdea(ReleasePipeline pipeline, PackageValidation validation, AuditLog auditLog, ManifestVerifier verifier,
                List<AutoCloseable> resources) {
        this.pipeline = pipeline;
        this.validation = validation;
        this.auditLog = auditLog;
        this.verifier = verifier;
        this.resources = resources;
    }

    @Override
    public Release submit(PackageSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        ensureOpen();
        return pipeline.submit(submission);
    }

    @Override
    public ValidationReport validate(Path packageFile, String packageType) {
        Objects.requireNonNull(packageFile, "packageFile");
        if (packageType == null || packageType.isBlank()) {
            throw new IllegalArgumentException("packageType must not be blank, e.g. service-release");
        }
        ensureOpen();
        return validation.validate(PackageSource.of(packageFile), packageType, null);
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
