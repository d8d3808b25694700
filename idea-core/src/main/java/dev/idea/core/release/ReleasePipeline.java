package dev.idea.core.release;

import dev.idea.api.ArtifactRef;
import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.Manifest;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Precondition;
import dev.idea.api.Release;
import dev.idea.api.SignedManifest;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationReport;
import dev.idea.api.VerificationException;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventDraft;
import dev.idea.core.codec.ManifestCodec;
import dev.idea.core.codec.SignedManifestCodec;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.validation.PackageSource;
import dev.idea.core.validation.PackageValidation;
import dev.idea.core.validation.ValidationSummary;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.ManifestSignature;
import dev.idea.spi.kernel.SigningRequest;
import dev.idea.spi.storage.BlobStore;
import dev.idea.spi.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns one submitted package into a signed, recorded release.
 *
 * <p>Steps: validate the package (streaming, before anything is stored; a package whose report did
 * not pass is refused with {@link ErrorCode#VALIDATION_FAILED}); build the manifest on top
 * of the target's latest one; have the kernel sign it; verify that signature against the kernel's
 * registry; store package, report (its DSSE envelope, whose payload digest is the manifest's
 * validation precondition) and signed manifest as blobs; append the four audit events
 * (submit, validate, manifest.create, manifest.sign) in one atomic batch. The batch append is the
 * commit point: if anything fails before it, the chain and the target's history are unchanged
 * (content-addressed blobs already written stay unreferenced and invisible).
 *
 * <p>Thread-safe: submissions from one instance are serialized; submissions from other processes
 * on the same storage are detected at the conditional append.
 */
public final class ReleasePipeline {
    /** Actor recorded for the validation step. */
    static final String VALIDATOR_ACTOR = "idea-validator";

    private final Storage storage;
    private final AuditLog auditLog;
    private final TargetIndex index;
    private final Kernel kernel;
    private final String kernelId;
    private final ManifestVerifier verifier;
    private final ProviderCalls calls;
    private final Clock clock;
    private final PackageValidation validation;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Creates the pipeline.
     *
     * @param storage where blobs and records go
     * @param auditLog the audit chain
     * @param kernel the kernel that signs
     * @param kernelId its provider id, for messages
     * @param verifier checks the kernel's signatures
     * @param calls runs provider calls with a deadline
     * @param clock the only source of time
     * @param validation validates packages before anything is stored
     */
    public ReleasePipeline(Storage storage, AuditLog auditLog, Kernel kernel, String kernelId, ManifestVerifier verifier,
                           ProviderCalls calls, Clock clock, PackageValidation validation) {
        this.storage = storage;
        this.auditLog = auditLog;
        this.index = new TargetIndex(storage.records(), auditLog);
        this.kernel = kernel;
        this.kernelId = kernelId;
        this.verifier = verifier;
        this.calls = calls;
        this.clock = clock;
        this.validation = validation;
    }

    /**
     * Runs the pipeline.
     *
     * @param submission the package and its facts
     * @return the release
     */
    public Release submit(PackageSubmission submission) {
        PackageSource source = submission.pathSource().map(PackageSource::of)
                .orElseGet(() -> PackageSource.of(submission.content()));
        Instant submittedAt = clock.instant();
        ValidationReport report = validation.validate(source, submission.type(), submission.expectedSha256());
        if (!report.passed()) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED, source.describe() + " failed validation: "
                    + ValidationSummary.describe(report) + "; fix the package and submit it again (nothing was recorded)");
        }
        Instant validatedAt = clock.instant();
        lock.lock();
        try {
            Optional<TargetHead> previous = index.head(submission.target());
            Manifest manifest = manifest(submission, report, previous.map(TargetHead::manifestDigest).orElse(null));
            Bytes canonical = ManifestCodec.write(manifest);
            Digest manifestDigest = Digest.sha256(canonical);
            SignedManifest signed = sign(manifest, canonical, manifestDigest);
            Instant signedAt = clock.instant();
            storePackage(source, report.packageDigest());
            storage.blobs().put(EnvelopeCodec.write(report.envelope()));
            Digest signedBlob = storage.blobs().put(SignedManifestCodec.write(signed));
            List<EventDraft> drafts = drafts(submission, report, manifest, manifestDigest, signed, signedBlob,
                    submittedAt, validatedAt, signedAt);
            List<AuditEvent> events = auditLog.append(drafts, concurrent -> refuseIfSameTarget(concurrent, submission.target()));
            index.applied(events);
            return new Release(report, manifest, manifestDigest, signed, events);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Finds the signed manifest recorded under an id.
     *
     * @param manifestId the id
     * @return the signed manifest, if the chain recorded one
     */
    public Optional<SignedManifest> signedManifest(String manifestId) {
        return index.manifest(manifestId)
                .flatMap(h -> storage.blobs().get(h.signedManifestBlob()))
                .map(SignedManifestCodec::read);
    }

    private Manifest manifest(PackageSubmission s, ValidationReport report, Digest previous) {
        Instant createdAt = clock.instant();
        Digest artifactDigest = report.packageDigest();
        JsonObject identity = JsonObject.builder()
                .put("target", s.target())
                .put("version", s.version())
                .put("artifact", artifactDigest.toString())
                .put("timestamp", createdAt.toString())
                .put("proposedBy", s.proposedBy())
                .putIfNotNull("previousManifestDigest", previous == null ? null : previous.toString())
                .build();
        String manifestId = "mf-" + Digest.sha256(Bytes.of(Json.write(identity))).hex().substring(0, 24);
        return Manifest.builder()
                .manifestId(manifestId)
                .type(s.type())
                .target(s.target())
                .version(s.version())
                .impact(s.impact())
                .rationale(s.rationale())
                .precondition(new Precondition(Precondition.VALIDATION_REPORT, report.reportDigest().toString()))
                .preconditions(s.preconditions())
                .artifact(new ArtifactRef(artifactDigest, report.size(), s.mediaType(), "blob:" + artifactDigest))
                .timestamp(createdAt)
                .proposedBy(s.proposedBy())
                .previousManifestDigest(previous)
                .build();
    }

    private SignedManifest sign(Manifest manifest, Bytes canonical, Digest manifestDigest) {
        String what = "kernel '" + kernelId + "' signing manifest " + manifest.manifestId();
        ManifestSignature signature = calls.call(what, () -> kernel.signManifest(
                new SigningRequest(manifest.manifestId(), Manifest.PAYLOAD_TYPE, canonical, manifestDigest)));
        SignedManifest signed = new SignedManifest(
                new DsseEnvelope(Manifest.PAYLOAD_TYPE, canonical, List.of(signature.signature())),
                signature.manifestSignatureId(), signature.signerId());
        try {
            verifier.verify(signed);
        } catch (VerificationException e) {
            if (e.errorCode() == ErrorCode.SIGNER_UNKNOWN || e.errorCode() == ErrorCode.SIGNER_REVOKED) {
                throw e;
            }
            throw new VerificationException(ErrorCode.KERNEL_SIGNATURE_INVALID, what + " returned a signature that does not "
                    + "verify against its own signer registry (" + e.getMessage() + "); nothing was recorded", e);
        }
        return signed;
    }

    private void storePackage(PackageSource source, Digest expected) {
        Digest stored;
        try (InputStream in = source.open()) {
            stored = storage.blobs().put(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!stored.equals(expected)) {
            throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, source.describe()
                    + " changed between validation (" + expected + ") and storage (" + stored + "); submit it again");
        }
    }

    private static List<EventDraft> drafts(PackageSubmission s, ValidationReport report, Manifest manifest,
                                           Digest manifestDigest, SignedManifest signed, Digest signedBlob,
                                           Instant submittedAt, Instant validatedAt, Instant signedAt) {
        String id = manifest.manifestId();
        return List.of(
                new EventDraft(submittedAt, AuditEventType.SUBMIT, s.proposedBy(), id, report.packageDigest(), null,
                        Map.of("target", s.target(), "version", s.version(), "size", Long.toString(report.size()),
                                "mediaType", s.mediaType())),
                new EventDraft(validatedAt, AuditEventType.VALIDATE, VALIDATOR_ACTOR, id, report.reportDigest(), null,
                        validateAttributes(report)),
                new EventDraft(manifest.timestamp(), AuditEventType.MANIFEST_CREATE, s.proposedBy(), id, manifestDigest, null,
                        manifest.previousManifestDigest() == null
                                ? Map.of("target", s.target(), "impact", s.impact().name())
                                : Map.of("target", s.target(), "impact", s.impact().name(),
                                        "previousManifestDigest", manifest.previousManifestDigest().toString())),
                new EventDraft(signedAt, AuditEventType.SIGN, "kernel:" + signed.signerId(), id, manifestDigest,
                        signed.manifestSignatureId(),
                        Map.of(TargetIndex.ATTR_TARGET, s.target(), "signerId", signed.signerId(),
                                "keyid", signed.envelope().signatures().get(0).keyid(),
                                TargetIndex.ATTR_SIGNED_MANIFEST_BLOB, signedBlob.toString())));
    }

    private static Map<String, String> validateAttributes(ValidationReport report) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        attributes.put("result", report.passed() ? "passed" : "failed");
        attributes.put("format", report.format());
        attributes.put("entries", Long.toString(report.entries()));
        if (!report.validators().isEmpty()) {
            attributes.put("validators", String.join(",", report.validators().stream().map(v -> v.id()).toList()));
        }
        if (!report.reasons().isEmpty()) {
            attributes.put("reasons", String.join(",", report.reasons()));
        }
        return attributes;
    }

    private static void refuseIfSameTarget(List<AuditEvent> concurrent, String target) {
        for (AuditEvent e : concurrent) {
            if (e.type() == AuditEventType.SIGN && target.equals(e.attributes().get(TargetIndex.ATTR_TARGET))) {
                throw new IdeaException(ErrorCode.CONCURRENT_SUBMISSION, "another writer recorded manifest " + e.subject()
                        + " for target \"" + target + "\" while this submission was signed; submit again to build on it");
            }
        }
    }
}
