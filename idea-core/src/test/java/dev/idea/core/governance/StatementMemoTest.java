package dev.idea.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.IdeaException;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatementMemoTest {
    private static final Digest MANIFEST = Digest.sha256(Bytes.utf8("manifest"));
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static Bytes payload(String approver) {
        return ApprovalCodec.write(new ApprovalStatement(MANIFEST, Verdict.APPROVE, approver, T0, T0.plusSeconds(60)));
    }

    @Test
    void read_samePayloadTwice_returnsWhatTheCodecReadsAndKeepsOneEntry() {
        StatementMemo memo = new StatementMemo(4);
        Bytes payload = payload("alice");
        assertEquals(ApprovalCodec.read(payload), memo.read(payload));
        assertEquals(ApprovalCodec.read(payload), memo.read(Bytes.of(payload.toByteArray())));
        assertEquals(1, memo.size());
    }

    @Test
    void read_malformedPayload_throwsEveryTimeAndKeepsNothing() {
        StatementMemo memo = new StatementMemo(4);
        Bytes bad = Bytes.utf8("{\"type\":\"idea.approval.v1\"}");
        assertThrows(IdeaException.class, () -> memo.read(bad));
        assertThrows(IdeaException.class, () -> memo.read(bad));
        assertEquals(0, memo.size());
    }

    @Test
    void read_morePayloadsThanEntries_staysBounded() {
        StatementMemo memo = new StatementMemo(2);
        for (String approver : new String[] {"alice", "bob", "carol", "dave"}) {
            assertEquals(approver, memo.read(payload(approver)).approverId());
        }
        assertTrue(memo.size() <= 2);
    }
}
