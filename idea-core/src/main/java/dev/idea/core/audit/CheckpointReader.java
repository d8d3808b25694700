package dev.idea.core.audit;

import dev.idea.api.Checkpoint;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationException;
import java.util.Base64;

/** Reads a checkpoint body without verifying its signatures (used only to compare roots, never to trust). */
final class CheckpointReader {
    private CheckpointReader() {
    }

    static Checkpoint unverified(String note) {
        String[] lines = note.split("\n", 4);
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Digest.ofSha256(Base64.getDecoder().decode(lines[2])), note);
        } catch (RuntimeException e) {
            throw new VerificationException(ErrorCode.CHECKPOINT_MALFORMED, "stored checkpoint is not origin, size and "
                    + "base64 root lines: " + e.getMessage(), e);
        }
    }
}
