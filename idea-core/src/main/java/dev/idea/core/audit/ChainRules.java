package dev.idea.core.audit;

import dev.idea.api.AuditChainException;
import dev.idea.api.AuditEvent;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.core.codec.AuditEventCodec;
import java.util.function.LongSupplier;

/** The rules every entry of the chain obeys, checked in replay order, each failure named by its kind. */
final class ChainRules {
    private ChainRules() {
    }

    /**
     * Checks one entry: its hash, then its seq, then its link.
     *
     * @param index position of the entry
     * @param event the decoded entry
     * @param actual the hash of the entry's content ({@link AuditEventCodec#computeHash})
     * @param expectedPrev hash of the entry before it
     * @param nextSeq seq of the entry after it, or -1 at the end (consulted only on a seq fault)
     */
    static void check(long index, AuditEvent event, Digest actual, Digest expectedPrev, LongSupplier nextSeq) {
        if (!actual.equals(event.hash())) {
            throw new AuditChainException(ErrorCode.AUDIT_HASH_MISMATCH, "entry " + index + ": stored hash "
                    + abbreviate(event.hash()) + " does not equal the hash of its content (" + abbreviate(actual) + ")");
        }
        if (event.seq() != index) {
            throw seqFault(index, event, expectedPrev, nextSeq);
        }
        if (!event.prevHash().equals(expectedPrev)) {
            throw new AuditChainException(ErrorCode.AUDIT_PREV_HASH_BROKEN, "entry " + index + ": prevHash "
                    + abbreviate(event.prevHash()) + " does not equal "
                    + (index == 0 ? "the genesis value" : "hash of entry " + (index - 1)) + " (" + abbreviate(expectedPrev) + ")");
        }
    }

    private static AuditChainException seqFault(long index, AuditEvent event, Digest expectedPrev, LongSupplier nextSeq) {
        String where = "entry " + index + ": seq is " + event.seq() + " but entry " + index + " must have seq " + index;
        if (event.seq() < index) {
            if (event.seq() == index - 1 && event.hash().equals(expectedPrev)) {
                return new AuditChainException(ErrorCode.AUDIT_DUPLICATE, where + ": it repeats entry " + (index - 1));
            }
            return new AuditChainException(ErrorCode.AUDIT_REORDERED, where + ": an earlier event appears again out of order");
        }
        long next = nextSeq.getAsLong();
        if (next >= 0 && next <= index) {
            return new AuditChainException(ErrorCode.AUDIT_REORDERED, where + " and the next entry has seq " + next
                    + ": events are out of order");
        }
        return new AuditChainException(ErrorCode.AUDIT_GAP, where + ": " + (event.seq() - index) + " event(s) are missing");
    }

    static String abbreviate(Digest d) {
        return d.hex().substring(0, 12) + "…";
    }
}
