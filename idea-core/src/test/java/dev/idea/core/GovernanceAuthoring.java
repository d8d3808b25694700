package dev.idea.core;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.Idea;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.Verdict;
import dev.idea.core.governance.ApprovalCodec;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator and the approvers do outside IDEA in the governance tests: hold their own keys, write
 * {@code trust_store.json} documents with four approvers and the security officer {@code erin}, sign
 * them, and sign approvals.
 */
final class GovernanceAuthoring {
    /** The approvers' own keys: outside IDEA, as on their laptops or HSMs. */
    private final LocalKms approvers = LocalKms.inMemory();

    private String signerJson(String id, String role) {
        KeyRef ref = KeyRef.of(id);
        var key = approvers.keyRefs().contains(ref) ? approvers.publicKey(ref) : approvers.createKey(ref, SignatureAlgorithm.ED25519);
        return "{\"id\": \"" + id + "\", \"key\": {\"alg\": \"" + key.algorithm().id() + "\", \"spki\": \""
                + key.spki().base64() + "\"}, \"roles\": [\"" + role + "\"]}";
    }

    /** The trust_store.json of a version: the approvers given, erin as security officer, 2 signatures needed. */
    String document(int version, List<String> approverIds) {
        List<String> signers = new ArrayList<>();
        approverIds.forEach(id -> signers.add(signerJson(id, ApprovalPolicy.APPROVER)));
        signers.add(signerJson("erin", ApprovalPolicy.SECURITY_OFFICER));
        return "{\n  \"version\": " + version + ",\n  \"min_required_signatures\": 2,\n  \"allow_unsigned\": false,\n"
                + "  \"trusted_signers\": [\n    " + String.join(",\n    ", signers) + "\n  ]\n}\n";
    }

    /** Signs a trust_store.json document with the keys of {@code signedBy}. */
    DsseEnvelope sign(String document, String... signedBy) {
        List<EnvelopeSigner> by = new ArrayList<>();
        for (String s : signedBy) {
            by.add(signer(s));
        }
        return Idea.formats().sign(TrustStore.SIGNED_PAYLOAD_TYPE, Bytes.utf8(document), by);
    }

    /** The signed trust store of a version, as {@link #document} and {@link #sign}. */
    DsseEnvelope trustStore(int version, List<String> approverIds, String... signedBy) {
        return sign(document(version, approverIds), signedBy);
    }

    EnvelopeSigner signer(String id) {
        return EnvelopeSigner.of(approvers.publicKey(KeyRef.of(id)).keyId(), pae -> approvers.sign(KeyRef.of(id), pae));
    }

    /** An approval of a manifest by {@code id}, issued now and valid for two days. */
    DsseEnvelope approval(String id, Digest manifest, Instant now) {
        return ApprovalCodec.sign(new ApprovalStatement(manifest, Verdict.APPROVE, id, now, now.plus(Duration.ofDays(2))),
                signer(id)).envelope();
    }
}
