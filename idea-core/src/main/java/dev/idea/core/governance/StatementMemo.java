package dev.idea.core.governance;

import dev.idea.api.Bytes;
import dev.idea.api.governance.ApprovalStatement;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map from approval payloads to the statements {@link ApprovalCodec#read} decodes them
 * to, so that an approval evaluated again is not parsed again.
 *
 * <p>Thread-safe. Decoding is a pure function of the payload bytes, which are compared in full, so
 * a hit returns an equal statement; payloads that fail to decode, or longer than
 * {@link #MAX_PAYLOAD_BYTES}, are not kept. When full, it is emptied: a miss
 * only costs one more parse.
 */
final class StatementMemo {
    /** Longest payload kept; a canonical statement is about 300 bytes. */
    static final int MAX_PAYLOAD_BYTES = 1024;

    private final int maxEntries;
    private final ConcurrentHashMap<Bytes, ApprovalStatement> entries = new ConcurrentHashMap<>();

    StatementMemo(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Decodes a payload as {@link ApprovalCodec#read} does.
     *
     * @param payload the payload
     * @return the statement
     */
    ApprovalStatement read(Bytes payload) {
        if (payload.size() > MAX_PAYLOAD_BYTES) {
            return ApprovalCodec.read(payload);
        }
        ApprovalStatement statement = entries.get(payload);
        if (statement != null) {
            return statement;
        }
        statement = ApprovalCodec.read(payload);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.putIfAbsent(payload, statement);
        return statement;
    }

    int size() {
        return entries.size();
    }
}
