package dev.idea.core;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.Manifest;
import dev.idea.api.NoteKey;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.SignedManifest;
import dev.idea.api.StorageException;
import dev.idea.api.ValidationReport;
import dev.idea.api.VerificationKey;
import dev.idea.api.guard.Guard;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.merkle.ConsistencyProof;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.upgrade.Upgrades;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventSignature;
import dev.idea.core.audit.EventSignatures;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.evidence.AuditJsonl;
import dev.idea.core.evidence.EvidenceBundle;
import dev.idea.core.guard.DefaultGuard;
import dev.idea.core.release.ManifestVerifier;
import dev.idea.core.release.ReleasePipeline;
import dev.idea.core.validation.PackageSource;
import dev.idea.core.validation.PackageValidation;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** The running {@link Idea}: delegates to the pipeline, the verifier and the audit log. Thread-safe. */
final class DefaultIdea implements Idea {
    private final ReleasePipeline pipeline;
    private final PackageValidation validation;
    private final AuditLog auditLog;
    private final ManifestVerifier verifier;
    private final Upgrades upgrades;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final Function<String, VerificationKey> signerKeys;
    private final GuardPolicy guardPolicy;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultIdea(ReleasePipeline pipeline, PackageValidation validation, AuditLog auditLog, ManifestVerifier verifier,
                Upgrades upgrades, Clock clock,
                List<AutoCloseable> resources, Function<String, VerificationKey> signerKeys, GuardPolicy guardPolicy) {
        this.guardPolicy = guardPolicy;
        this.signerKeys = signerKeys;
        this.pipeline = pipeline;
        this.validation = validation;
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
    public Guard guard() {
        ensureOpen();
        if (guardPolicy == null) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "no guard policy is configured; set "
                    + GuardPolicy.PROPERTY + " to a guard policy file, or pass a policy to guard(GuardPolicy)");
        }
        return new DefaultGuard(guardPolicy, auditLog, clock);
    }

    @Override
    public Checkpoint checkpoint() {
        ensureOpen();
        return auditLog.checkpoint();
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        ensureOpen();
        return auditLog.latestCheckpoint();
    }

    @Override
    public Optional<NoteKey> checkpointKey() {
        ensureOpen();
        return auditLog.checkpointKey();
    }

    @Override
    public InclusionProof inclusionProof(long seq, long treeSize) {
        ensureOpen();
        return auditLog.inclusionProof(seq, treeSize);
    }

    @Override
    public Digest auditRoot(long treeSize) {
        ensureOpen();
        return auditLog.root(treeSize);
    }

    @Override
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        ensureOpen();
        return auditLog.consistencyProof(oldSize, newSize);
    }

    @Override
    public void exportEvidenceBundle(String manifestId, OutputStream out) {
        Objects.requireNonNull(manifestId, "manifestId");
        Objects.requireNonNull(out, "out");
        ensureOpen();
        SignedManifest signed = pipeline.signedManifest(manifestId).orElseThrow(() -> new StorageException(
                ErrorCode.STORAGE_NOT_FOUND, "no signed manifest is recorded under id \"" + manifestId
                + "\"; list the manifest ids with idea audit verify or the audit events"));
        List<Long> seqs = new ArrayList<>();
        List<EventSignature> signatures = new ArrayList<>();
        EventSignatures.Reader reader = auditLog.signatureReader();
        long size = auditLog.size();
        for (long seq = 0; seq < size; seq += 1024) {
            List<AuditEvent> events = auditLog.read(seq, 1024);
            for (AuditEvent e : events) {
                EventSignature signature = reader.nextInChain(e);
                if (manifestId.equals(e.subject())) {
                    seqs.add(e.seq());
                    signatures.add(signature);
                }
            }
        }
        Checkpoint cp = auditLog.latestCheckpoint().filter(c -> c.treeSize() > seqs.get(seqs.size() - 1))
                .orElseGet(auditLog::checkpoint);
        List<EvidenceBundle.ProvenEvent> proven = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            long seq = seqs.get(i);
            proven.add(new EvidenceBundle.ProvenEvent(auditLog.readRaw(seq, 1).get(0), auditLog.inclusionProof(seq, cp.treeSize()),
                    signatures.get(i)));
        }
        NoteKey logKey = auditLog.checkpointKey().orElseThrow();
        EvidenceBundle.write(manifestId, signed, proven, cp, logKey, signerKeys.apply(signed.signerId()), out);
    }

    @Override
    public void exportAuditJsonl(OutputStream out) {
        Objects.requireNonNull(out, "out");
        ensureOpen();
        EventSignatures.Reader signatures = auditLog.signatureReader();
        long size = auditLog.size();
        for (long seq = 0; seq < size; seq += 1024) {
            for (Bytes entry : auditLog.readRaw(seq, 1024)) {
                AuditJsonl.writeLine(entry, signatures.nextInChain(AuditEventCodec.read(entry)), out);
            }
        }
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
