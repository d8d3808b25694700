package dev.idea.core.evidence;

import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.EvidenceVerification;
import dev.idea.api.IdeaException;
import dev.idea.api.Manifest;
import dev.idea.api.NoteKey;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.SignedManifest;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.WitnessPolicy;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventSignature;
import dev.idea.core.audit.EventSignatureVerifier;
import dev.idea.core.checkpoint.CheckpointVerifier;
import dev.idea.core.codec.AuditEventCodec;
import dev.idea.core.codec.SignedManifestCodec;
import dev.idea.core.dsse.Dsse;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and verifies evidence bundles ({@code docs/formats/evidence-bundle.md}).
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Security guarantees: {@link #verify} trusts nothing in the bundle but the keys: each event's
 * hash is recomputed, each inclusion proof is checked against the checkpoint's root, the checkpoint's
 * signature against the log key (the caller's, or the bundle's when the caller passes none, which the
 * result reports), each per-event signature present against that same log key, and the manifest's
 * DSSE signature against the listed signer key.
 */
public final class EvidenceBundle {
    /** The {@code schema} member of every bundle. */
    public static final String SCHEMA = "idea.evidence-bundle/v1";
    /** Largest uncompressed bundle accepted: 64 MiB. */
    public static final int MAX_BYTES = 64 << 20;

    private static final JsonLimits LIMITS = new JsonLimits(MAX_BYTES, 64, MAX_BYTES);

    private EvidenceBundle() {
    }

    /**
     * One proven event.
     *
     * @param entry the event's stored canonical JSON
     * @param proof its inclusion proof in the checkpoint's tree
     * @param signature its per-event signature, or null when the log does not sign it
     */
    public record ProvenEvent(Bytes entry, InclusionProof proof, EventSignature signature) {
        /**
         * Creates a proven event without a per-event signature.
         *
         * @param entry the event's stored canonical JSON
         * @param proof its inclusion proof
         */
        public ProvenEvent(Bytes entry, InclusionProof proof) {
            this(entry, proof, null);
        }
    }

    /**
     * Writes a bundle as gzip JSON.
     *
     * @param manifestId the manifest id
     * @param signed the signed manifest
     * @param events the manifest's events with proofs
     * @param checkpoint the checkpoint the proofs lead to
     * @param logKey the key that signed the checkpoint
     * @param signerKey the key that signed the manifest
     * @param out the destination, not closed
     */
    public static void write(String manifestId, SignedManifest signed, List<ProvenEvent> events, Checkpoint checkpoint,
                             NoteKey logKey, VerificationKey signerKey, OutputStream out) {
        List<JsonValue> items = new ArrayList<>();
        for (ProvenEvent e : events) {
            List<JsonValue> path = new ArrayList<>();
            e.proof().path().forEach(d -> path.add(new JsonString(d.value().base64())));
            JsonObject.Builder item = JsonObject.builder()
                    .put("event", Json.parse(e.entry().toByteArray(), LIMITS))
                    .put("proof", JsonObject.builder().put("leafIndex", e.proof().leafIndex())
                            .put("treeSize", e.proof().treeSize()).put("path", new JsonArray(path)).build());
            if (e.signature() != null) {
                item.put("sig", e.signature().toJsonObject());
            }
            items.add(item.build());
        }
        JsonObject trust = JsonObject.builder()
                .put("logKeys", new JsonArray(List.of(new JsonString(logKey.verifierKey()))))
                .put("manifestSigners", new JsonArray(List.of(JsonObject.builder()
                        .put("signerId", signed.signerId())
                        .put("algorithm", signerKey.algorithm().id())
                        .put("publicKey", signerKey.spki().base64()).build())))
                .build();
        JsonObject bundle = JsonObject.builder()
                .put("schema", SCHEMA)
                .put("manifestId", manifestId)
                .put("signedManifest", Json.parse(SignedManifestCodec.write(signed).toByteArray(), LIMITS))
                .put("events", new JsonArray(items))
                .put("checkpoint", checkpoint.note())
                .put("trustRoots", trust)
                .build();
        try {
            GZIPOutputStream gz = new GZIPOutputStream(out);
            gz.write(Json.write(bundle));
            gz.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the evidence bundle failed", e);
        }
    }

    /**
     * Verifies a bundle offline.
     *
     * @param gzipJson the bundle
     * @param trustedLogKeys keys to require for the checkpoint; empty = use the bundle's
     * @return what was verified
     * @throws VerificationException naming the failed check
     */
    public static EvidenceVerification verify(InputStream gzipJson, List<NoteKey> trustedLogKeys) {
        JsonObject b = read(gzipJson);
        try {
            if (!SCHEMA.equals(b.requireString("schema"))) {
                throw invalid("schema is \"" + b.requireString("schema") + "\", expected " + SCHEMA);
            }
            String manifestId = b.requireString("manifestId");
            List<NoteKey> logKeys = trustedLogKeys.isEmpty() ? bundleLogKeys(b) : trustedLogKeys;
            Checkpoint cp = CheckpointVerifier.verify(b.requireString("checkpoint"), logKeys, WitnessPolicy.none());
            SignedManifest signed = SignedManifestCodec.read(Bytes.of(Json.write(b.requireObject("signedManifest"))));
            VerificationKey signerKey = signerKey(b, signed.signerId());
            Dsse.verify(signed.envelope(), Manifest.PAYLOAD_TYPE, List.of(signerKey), 1);
            int count = verifyEvents(b.requireArray("events"), manifestId, signed, cp,
                    logKeys.stream().map(NoteKey::key).toList());
            String usedKey = logKeys.stream().filter(k -> cp.note().contains("\u2014 " + k.name() + " "))
                    .map(NoteKey::verifierKey).findFirst().orElse(logKeys.get(0).verifierKey());
            return new EvidenceVerification(manifestId, signed.manifestSignatureId(), count, cp, usedKey, signerKey.keyId());
        } catch (VerificationException e) {
            throw e;
        } catch (IdeaException | IllegalArgumentException e) {
            throw new VerificationException(ErrorCode.EVIDENCE_BUNDLE_INVALID, "evidence bundle is malformed: " + e.getMessage(), e);
        }
    }

    private static int verifyEvents(JsonArray events, String manifestId, SignedManifest signed, Checkpoint cp,
                                    List<VerificationKey> eventKeys) {
        if (events.values().isEmpty()) {
            throw invalid("it holds no audit events");
        }
        boolean signEventSeen = false;
        int i = 0;
        for (JsonValue v : events.values()) {
            if (!(v instanceof JsonObject item)) {
                throw invalid("events[" + i + "] is not an object");
            }
            Bytes entry = Bytes.of(Json.write(item.requireObject("event")));
            AuditEventCodec.Decoded d = AuditEventCodec.readAndHash(entry);
            AuditEvent e = d.event();
            Digest actual = d.contentHash();
            if (!actual.equals(e.hash())) {
                throw new VerificationException(ErrorCode.AUDIT_HASH_MISMATCH, "events[" + i + "] (seq " + e.seq()
                        + "): stored hash " + e.hash() + " does not equal the hash of its content " + actual);
            }
            if (item.get("sig").isPresent()) {
                verifySignature(i, e, entry, EventSignature.fromJson(item.requireObject("sig")), eventKeys);
            }
            if (!manifestId.equals(e.subject())) {
                throw invalid("events[" + i + "] (seq " + e.seq() + ") is about \"" + e.subject() + "\", not " + manifestId);
            }
            JsonObject p = item.requireObject("proof");
            long leafIndex = p.requireLong("leafIndex");
            long treeSize = p.requireLong("treeSize");
            if (leafIndex != e.seq() || treeSize != cp.treeSize()) {
                throw new VerificationException(ErrorCode.MERKLE_PROOF_INVALID, "events[" + i + "]: the proof is for leaf "
                        + leafIndex + " of a tree of " + treeSize + " but the event has seq " + e.seq()
                        + " and the checkpoint size is " + cp.treeSize());
            }
            List<byte[]> path = new ArrayList<>();
            for (JsonValue h : p.requireArray("path").values()) {
                path.add(Base64.getDecoder().decode(((JsonString) h).value()));
            }
            try {
                InclusionProof.verify(leafIndex, treeSize, AuditLog.leafHash(e.hash()), path, cp.rootHash().value().toByteArray());
            } catch (VerificationException ex) {
                throw new VerificationException(ErrorCode.MERKLE_PROOF_INVALID, "events[" + i + "] (seq " + e.seq()
                        + "): " + ex.getMessage(), ex);
            }
            signEventSeen |= signed.manifestSignatureId().equals(e.manifestSignatureId());
            i++;
        }
        if (!signEventSeen) {
            throw invalid("no event records manifestSignatureId " + signed.manifestSignatureId());
        }
        return i;
    }

    /** A per-event signature must be the event's and verify under the log key that signed the checkpoint. */
    private static void verifySignature(int i, AuditEvent e, Bytes entry, EventSignature s, List<VerificationKey> keys) {
        String problem = s.isFor(e.seq(), e.hash()) ? EventSignatureVerifier.problem(entry, s, keys)
                : "its sig is for event " + s.index() + " (" + s.eventHash() + "), not this one";
        if (problem != null) {
            throw new VerificationException(ErrorCode.AUDIT_EVENT_SIGNATURE_INVALID, "events[" + i + "] (seq " + e.seq()
                    + "): " + problem);
        }
    }

    private static List<NoteKey> bundleLogKeys(JsonObject b) {
        List<NoteKey> keys = new ArrayList<>();
        for (JsonValue v : b.requireObject("trustRoots").requireArray("logKeys").values()) {
            keys.add(NoteKey.parse(((JsonString) v).value()));
        }
        if (keys.isEmpty()) {
            throw invalid("trustRoots.logKeys is empty");
        }
        return keys;
    }

    private static VerificationKey signerKey(JsonObject b, String signerId) {
        for (JsonValue v : b.requireObject("trustRoots").requireArray("manifestSigners").values()) {
            JsonObject s = (JsonObject) v;
            if (signerId.equals(s.requireString("signerId"))) {
                return new VerificationKey(SignatureAlgorithm.ofId(s.requireString("algorithm")),
                        Bytes.fromBase64(s.requireString("publicKey")));
            }
        }
        throw invalid("trustRoots.manifestSigners has no key for signer \"" + signerId + "\"");
    }

    private static JsonObject read(InputStream gzipJson) {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(gzipJson)) {
            raw = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw invalid("it is not a complete gzip file (" + e.getMessage() + "); it was truncated or is not a bundle");
        }
        if (raw.length > MAX_BYTES) {
            throw invalid("it is larger than " + MAX_BYTES + " bytes uncompressed");
        }
        try {
            return Json.parseObject(raw, LIMITS);
        } catch (IdeaException e) {
            throw new VerificationException(ErrorCode.EVIDENCE_BUNDLE_INVALID, "evidence bundle is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    private static VerificationException invalid(String why) {
        return new VerificationException(ErrorCode.EVIDENCE_BUNDLE_INVALID, "evidence bundle is invalid: " + why
                + "; export it again with idea audit export");
    }
}
