package dev.idea.core.governance;

import dev.idea.api.Digest;
import dev.idea.api.EnvelopeSigner;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.api.governance.Verdict;
import dev.idea.kms.local.LocalKms;
import dev.idea.spi.kms.KeyRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Keys in an in-memory KMS, trusted signers and signed approvals for governance tests. */
final class GovernanceFixtures {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Digest MANIFEST = Digest.sha256(dev.idea.api.Bytes.utf8("manifest-1"));
    static final Digest OTHER_MANIFEST = Digest.sha256(dev.idea.api.Bytes.utf8("manifest-2"));

    private final LocalKms kms = LocalKms.inMemory();

    VerificationKey key(String name) {
        KeyRef ref = KeyRef.of(name);
        return kms.keyRefs().contains(ref) ? kms.publicKey(ref) : kms.createKey(ref, name.startsWith("ec-")
                ? SignatureAlgorithm.ECDSA_P256_SHA256 : SignatureAlgorithm.ED25519);
    }

    EnvelopeSigner signer(String name) {
        VerificationKey key = key(name);
        return EnvelopeSigner.of(key.keyId(), pae -> kms.sign(KeyRef.of(name), pae));
    }

    List<EnvelopeSigner> signers(String... names) {
        List<EnvelopeSigner> out = new ArrayList<>();
        for (String n : names) {
            out.add(signer(n));
        }
        return out;
    }

    TrustedSigner trusted(String name, String... roles) {
        return TrustedSigner.of(name, key(name), Set.of(roles));
    }

    Approval approve(String name, Digest manifest, Instant issuedAt) {
        return sign(name, new ApprovalStatement(manifest, Verdict.APPROVE, name, issuedAt, issuedAt.plus(Duration.ofDays(1))));
    }

    Approval sign(String keyName, ApprovalStatement statement) {
        return ApprovalCodec.sign(statement, signer(keyName));
    }
}
