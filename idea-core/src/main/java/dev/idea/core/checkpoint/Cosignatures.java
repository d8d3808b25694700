package dev.idea.core.checkpoint;

import dev.idea.api.Bytes;
import java.nio.charset.StandardCharsets;

/** The cosignature/v1 signed message of c2sp.org/tlog-cosignature (Ed25519). */
public final class Cosignatures {
    private Cosignatures() {
    }

    /**
     * Builds the message a witness signs.
     *
     * @param timestamp POSIX seconds, at least 0
     * @param checkpointText the checkpoint note text, final newline included
     * @return {@code "cosignature/v1\ntime <timestamp>\n" + checkpointText}
     */
    public static Bytes message(long timestamp, String checkpointText) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be >= 0, got " + timestamp);
        }
        return Bytes.of(("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8));
    }
}
