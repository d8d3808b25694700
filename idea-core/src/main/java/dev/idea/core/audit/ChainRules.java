package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.core.codec.AuditEventCodec;

/** The three rules every entry of the chain obeys, checked in replay order. */
final class ChainRules {
    private ChainRules() {
    }

    static void check(long index, AuditEvent event, Digest expectedPrev) {
        if (event.seq() != index) {
            throw new AuditChainException(ErrorCode.AUDIT_SEQUENCE_BROKEN, "entry " + index + ": seq is " + event.seq()
                    + " but entry " + index + " must have seq " + index + " (gap, duplicate or reordering)");
        }
        Digest actual = AuditEventCodec.computeHash(event);
        if (!actual.equals(event.hash())) {
            throw new AuditChainException(ErrorCode.AUDIT_HASH_MISMATCH, "entry " + index + ": stored hash "
                    + abbreviate(event.hash()) + " does not equal the hash of its content (" + abbreviate(actual) + ")");
        }
        if (!event.prevHash().equals(expectedPrev)) {
            throw new AuditChainException(ErrorCode.AUDIT_PREV_HASH_BROKEN, "entry " + index + ": prevHash "
                    + abbreviate(event.prevHash()) + " does not equal "
                    + (index == 0 ? "the genesis value" : "hash of entry " + (index - 1)) + " (" + abbreviate(expectedPrev) + ")");
        }
    }

    private static String abbreviate(Digest d) {
        return d.hex().substring(0, 12) + "…";
    }
}
