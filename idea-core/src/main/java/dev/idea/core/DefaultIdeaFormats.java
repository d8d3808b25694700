package dev.idea.core;

import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.EvidenceVerification;
import dev.idea.api.IdeaFormats;
import dev.idea.api.Manifest;
import dev.idea.api.NoteKey;
import dev.idea.api.SignedManifest;
import dev.idea.api.VerificationKey;
import dev.idea.api.VerifiedEnvelope;
import dev.idea.api.WitnessPolicy;
import dev.idea.core.checkpoint.CheckpointVerifier;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.core.codec.ManifestCodec;
import dev.idea.core.codec.SignedManifestCodec;
import dev.idea.core.dsse.Dsse;
import dev.idea.core.evidence.AuditJsonl;
import dev.idea.core.evidence.EvidenceBundle;
import dev.idea.core.internal.crypto.PublicKeys;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The stateless {@link IdeaFormats} of {@code idea-core}. Thread-safe. */
final class DefaultIdeaFormats implements IdeaFormats {
    private static final JsonLimits LIMITS = new JsonLimits(MAX_DOCUMENT_BYTES, MAX_DEPTH, MAX_DOCUMENT_BYTES);

    @Override
    public Bytes canonicalize(Bytes json) {
        return Json.canonicalizeToBytes(json.toByteArray(), LIMITS);
    }

    @Override
    public Bytes canonicalJson(Manifest manifest) {
        return ManifestCodec.write(manifest);
    }

    @Override
    public Digest manifestDigest(Manifest manifest) {
        return ManifestCodec.digest(manifest);
    }

    @Override
    public Manifest parseManifest(Bytes json) {
        return ManifestCodec.read(json);
    }

    @Override
    public DsseEnvelope sign(String payloadType, Bytes payload, List<EnvelopeSigner> signers) {
        return Dsse.sign(payloadType, payload, signers);
    }

    @Override
    public VerifiedEnvelope verifyEnvelope(DsseEnvelope envelope, String expectedPayloadType,
                                           Collection<VerificationKey> trusted, int threshold) {
        Objects.requireNonNull(envelope, "envelope");
        return Dsse.verify(envelope, expectedPayloadType, trusted, threshold);
    }

    @Override
    public Bytes writeEnvelope(DsseEnvelope envelope) {
        return EnvelopeCodec.write(envelope);
    }

    @Override
    public DsseEnvelope readEnvelope(Bytes json) {
        return EnvelopeCodec.read(json);
    }

    @Override
    public Bytes writeSignedManifest(SignedManifest signed) {
        return SignedManifestCodec.write(signed);
    }

    @Override
    public SignedManifest readSignedManifest(Bytes json) {
        return SignedManifestCodec.read(json);
    }

    @Override
    public VerificationKey readPublicKeyPem(String pem) {
        return PublicKeys.fromPem(pem);
    }

    @Override
    public String writePublicKeyPem(VerificationKey key) {
        return PublicKeys.toPem(key);
    }

    @Override
    public Checkpoint verifyCheckpoint(String note, List<NoteKey> logKeys, WitnessPolicy witnesses) {
        Objects.requireNonNull(note, "note");
        return CheckpointVerifier.verify(note, List.copyOf(logKeys), witnesses);
    }

    @Override
    public EvidenceVerification verifyEvidenceBundle(InputStream gzipJson, List<NoteKey> trustedLogKeys) {
        Objects.requireNonNull(gzipJson, "gzipJson");
        return EvidenceBundle.verify(gzipJson, List.copyOf(trustedLogKeys));
    }

    @Override
    public ChainVerification verifyAuditExport(InputStream jsonl, List<Checkpoint> checkpoints) {
        Objects.requireNonNull(jsonl, "jsonl");
        return AuditJsonl.verify(jsonl, List.copyOf(checkpoints));
    }

    @Override
    public ChainVerification verifyAuditExport(InputStream jsonl, List<Checkpoint> checkpoints, List<VerificationKey> eventKeys) {
        Objects.requireNonNull(jsonl, "jsonl");
        return AuditJsonl.verify(jsonl, List.copyOf(checkpoints), List.copyOf(eventKeys));
    }
}
