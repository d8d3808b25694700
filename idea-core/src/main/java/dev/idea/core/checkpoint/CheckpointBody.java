package dev.idea.core.checkpoint;

import dev.idea.api.Digest;
import dev.idea.api.FormatException;
import java.util.Base64;

/** The c2sp.org/tlog-checkpoint body: origin line, decimal tree size, base64 root hash (extension lines ignored). */
final class CheckpointBody {
    private CheckpointBody() {
    }

    static String format(String origin, long size, Digest root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root.value().toByteArray()) + "\n";
    }

    record Parsed(String origin, long size, Digest root) {
    }

    static Parsed parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty()) {
            throw SignedNote.malformed("a checkpoint needs an origin line, a size line and a root hash line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw SignedNote.malformed("tree size \"" + lines[1] + "\" is not a decimal number without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw SignedNote.malformed("tree size \"" + lines[1] + "\" is out of range");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw SignedNote.malformed("root hash \"" + lines[2] + "\" is not base64");
        }
        if (root.length != 32) {
            throw SignedNote.malformed("root hash is " + root.length + " bytes, SHA-256 roots are 32");
        }
        for (int i = 3; i < lines.length - 1; i++) {
            if (lines[i].isEmpty()) {
                throw SignedNote.malformed("extension line " + (i + 1) + " is empty");
            }
        }
        try {
            return new Parsed(lines[0], size, Digest.ofSha256(root));
        } catch (FormatException e) {
            throw SignedNote.malformed(e.getMessage());
        }
    }
}
