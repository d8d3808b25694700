package dev.idea.core.governance;

import dev.idea.api.Digest;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.RefusalReason;
import dev.idea.api.governance.TrustedSigner;
import java.util.Arrays;

/**
 * What checking one approval on its own found: either a statement that may count (reason null) or
 * the first reason it may not.
 *
 * @param approval the approval
 * @param digest its statement digest
 * @param digestBytes the digest's bytes, copied once for sorting; unsigned byte order is the order
 *     of the lowercase hex digits
 * @param statement the decoded statement, null when it could not be decoded
 * @param signer the approver's trust store entry, null when unknown
 * @param keyId the signer's key id, computed once; null when the signer is unknown
 * @param reason why it cannot count, or null when it may
 * @param detail the sentence explaining the reason, or null
 */
record Assessment(Approval approval, Digest digest, byte[] digestBytes, ApprovalStatement statement, TrustedSigner signer,
                  String keyId, RefusalReason reason, String detail) {

    static Assessment refused(Approval approval, Digest digest, ApprovalStatement statement, TrustedSigner signer,
                              String keyId, RefusalReason reason, String detail) {
        return new Assessment(approval, digest, digest.value().toByteArray(), statement, signer, keyId, reason, detail);
    }

    static Assessment acceptable(Approval approval, Digest digest, ApprovalStatement statement, TrustedSigner signer,
                                 String keyId) {
        return new Assessment(approval, digest, digest.value().toByteArray(), statement, signer, keyId, null, null);
    }

    boolean acceptable() {
        return reason == null;
    }

    String approverId() {
        return statement == null ? "" : statement.approverId();
    }

    /** Compares statement digests as their hex digits would compare, without building the text. */
    int compareDigest(Assessment other) {
        return Arrays.compareUnsigned(digestBytes, other.digestBytes);
    }
}
