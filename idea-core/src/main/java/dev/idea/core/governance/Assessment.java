package dev.idea.core.governance;

import dev.idea.api.Digest;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.RefusalReason;
import dev.idea.api.governance.TrustedSigner;

/**
 * What checking one approval on its own found: either a statement that may count (reason null) or
 * the first reason it may not.
 *
 * @param approval the approval
 * @param digest its statement digest
 * @param digestHex the digest's hex digits, computed once for sorting
 * @param statement the decoded statement, null when it could not be decoded
 * @param signer the approver's trust store entry, null when unknown
 * @param reason why it cannot count, or null when it may
 * @param detail the sentence explaining the reason, or null
 */
record Assessment(Approval approval, Digest digest, String digestHex, ApprovalStatement statement, TrustedSigner signer,
                  RefusalReason reason, String detail) {

    static Assessment refused(Approval approval, Digest digest, ApprovalStatement statement, TrustedSigner signer,
                              RefusalReason reason, String detail) {
        return new Assessment(approval, digest, digest.hex(), statement, signer, reason, detail);
    }

    static Assessment acceptable(Approval approval, Digest digest, ApprovalStatement statement, TrustedSigner signer) {
        return new Assessment(approval, digest, digest.hex(), statement, signer, null, null);
    }

    boolean acceptable() {
        return reason == null;
    }

    String approverId() {
        return statement == null ? "" : statement.approverId();
    }
}
