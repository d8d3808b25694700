package dev.idea.api;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * IDEA's open formats, usable without storage or providers: RFC 8785 canonical JSON, manifests,
 * DSSE envelopes and PEM public keys. Obtain it from {@link Idea#formats()}.
 *
 * <p>Implementations are thread-safe and stateless.
 *
 * @since 0.1
 */
public interface IdeaFormats {

    /** Largest JSON document accepted by the parsing methods here: 16 MiB. */
    int MAX_DOCUMENT_BYTES = 16 << 20;

    /** Deepest nesting accepted by the parsing methods here. */
    int MAX_DEPTH = 64;

    /**
     * Returns the RFC 8785 (JCS) canonical form of a JSON document.
     *
     * <p>Parsing is strict: duplicate member names, unpaired surrogates, invalid UTF-8, numbers
     * outside the IEEE 754 double range, and documents larger or deeper than the limits are refused.
     *
     * @param json a UTF-8 JSON document
     * @return the canonical bytes
     * @throws FormatException with the {@code JSON_*} code that names the fault
     */
    Bytes canonicalize(Bytes json);

    /**
     * Returns the canonical JSON of a manifest, the bytes the kernel signs.
     *
     * @param manifest the manifest
     * @return RFC 8785 bytes
     */
    Bytes canonicalJson(Manifest manifest);

    /**
     * Returns SHA-256 of {@link #canonicalJson(Manifest)}.
     *
     * @param manifest the manifest
     * @return the manifest digest
     */
    Digest manifestDigest(Manifest manifest);

    /**
     * Parses a manifest from JSON.
     *
     * @param json the manifest document
     * @return the manifest
     * @throws FormatException when the JSON is malformed or does not match the manifest schema
     */
    Manifest parseManifest(Bytes json);

    /**
     * Signs a payload with one or more signers into a DSSE envelope.
     *
     * @param payloadType the payload type
     * @param payload the payload
     * @param signers at least one signer
     * @return the envelope
     */
    DsseEnvelope sign(String payloadType, Bytes payload, List<EnvelopeSigner> signers);

    /**
     * Verifies that at least {@code threshold} <em>distinct</em> keys among {@code trusted} signed
     * the envelope. Key id hints are ignored for trust: every signature is tried against every
     * trusted key of a matching algorithm, and one key counts once however many signatures it made.
     *
     * @param envelope the envelope
     * @param expectedPayloadType the payload type the caller expects
     * @param trusted the keys the caller trusts
     * @param threshold how many distinct keys must have signed, at least 1
     * @return the verified payload and the keys that signed it
     * @throws VerificationException with {@link ErrorCode#PAYLOAD_TYPE_MISMATCH},
     *     {@link ErrorCode#ENVELOPE_MALFORMED} or {@link ErrorCode#SIGNATURE_THRESHOLD_NOT_MET}
     */
    VerifiedEnvelope verifyEnvelope(DsseEnvelope envelope, String expectedPayloadType,
                                    Collection<VerificationKey> trusted, int threshold);

    /**
     * Writes an envelope as DSSE JSON ({@code payloadType}, {@code payload}, {@code signatures}).
     *
     * @param envelope the envelope
     * @return canonical JSON bytes
     */
    Bytes writeEnvelope(DsseEnvelope envelope);

    /**
     * Reads DSSE JSON.
     *
     * @param json the envelope document
     * @return the envelope
     * @throws FormatException or {@link VerificationException} with {@link ErrorCode#ENVELOPE_MALFORMED}
     */
    DsseEnvelope readEnvelope(Bytes json);

    /**
     * Writes a signed manifest file: {@code {"dsseEnvelope":…, "manifestSignatureId":…, "signerId":…}}.
     *
     * @param signed the signed manifest
     * @return canonical JSON bytes
     */
    Bytes writeSignedManifest(SignedManifest signed);

    /**
     * Reads a signed manifest file written by {@link #writeSignedManifest}.
     *
     * @param json the document
     * @return the signed manifest (not yet verified)
     */
    SignedManifest readSignedManifest(Bytes json);

    /**
     * Reads a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo) for Ed25519 or ECDSA P-256.
     *
     * @param pem the PEM text
     * @return the key with its algorithm
     * @throws VerificationException with {@link ErrorCode#KEY_INVALID} or {@link ErrorCode#ALGORITHM_UNSUPPORTED}
     */
    VerificationKey readPublicKeyPem(String pem);

    /**
     * Writes a key as PEM {@code PUBLIC KEY}.
     *
     * @param key the key
     * @return the PEM text, lines of 64 characters, ending with a newline
     */
    String writePublicKeyPem(VerificationKey key);

    /**
     * Verifies a signed checkpoint (C2SP signed note) against trusted log keys and a witness policy.
     *
     * @param note the signed checkpoint
     * @param logKeys the log's trusted keys
     * @param witnesses the k-of-n cosignature policy
     * @return the checkpoint
     * @throws VerificationException with {@link ErrorCode#CHECKPOINT_MALFORMED},
     *     {@link ErrorCode#CHECKPOINT_SIGNATURE_INVALID}, {@link ErrorCode#CHECKPOINT_UNTRUSTED} or
     *     {@link ErrorCode#WITNESS_QUORUM_NOT_MET}
     * @since 0.2
     */
    Checkpoint verifyCheckpoint(String note, List<NoteKey> logKeys, WitnessPolicy witnesses);

    /**
     * Verifies an offline evidence bundle without network or storage: every event's hash and link,
     * every inclusion proof against the bundle's checkpoint, the checkpoint's signature and the signed
     * manifest's signature.
     *
     * @param gzipJson the bundle ({@code docs/formats/evidence-bundle.md})
     * @param trustedLogKeys log keys to require; when empty, the key listed in the bundle is used and
     *     reported, and the caller must compare it with a key it trusts
     * @return what was verified
     * @throws VerificationException with {@link ErrorCode#EVIDENCE_BUNDLE_INVALID} or the code of the
     *     failed check
     * @since 0.2
     */
    EvidenceVerification verifyEvidenceBundle(InputStream gzipJson, List<NoteKey> trustedLogKeys);

    /**
     * Replays an audit log exported with {@link Idea#exportAuditJsonl}, streaming, and compares its
     * Merkle root with the given checkpoints.
     *
     * @param jsonl the export
     * @param checkpoints checkpoints the caller verified (may be empty)
     * @return the count and head hash
     * @throws AuditChainException naming the first bad line (0-based entry index) and the fault; with
     *     {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} for an export with per-event signatures, which
     *     need {@link #verifyAuditExport(InputStream, List, List)}
     * @since 0.2
     */
    ChainVerification verifyAuditExport(InputStream jsonl, List<Checkpoint> checkpoints);

    /**
     * Replays an audit log export as {@link #verifyAuditExport(InputStream, List)} does, and also
     * verifies its per-event signatures ({@code docs/formats/audit-event-signatures.md}): every line
     * with a {@code sig} must verify under one of the keys, and every event the chain's
     * {@code audit.signing} events declare signed must have one.
     *
     * @param jsonl the export
     * @param checkpoints checkpoints the caller verified (may be empty)
     * @param eventKeys keys trusted for per-event signatures (the audit log's key, e.g. the public half
     *     of {@code idea.kernel.key-ref})
     * @return the count and head hash
     * @throws AuditChainException naming the first bad line (0-based entry index) and the fault, with
     *     {@link ErrorCode#AUDIT_EVENT_SIGNATURE_INVALID} for a missing or bad signature
     * @since 0.2
     */
    ChainVerification verifyAuditExport(InputStream jsonl, List<Checkpoint> checkpoints, List<VerificationKey> eventKeys);
}
