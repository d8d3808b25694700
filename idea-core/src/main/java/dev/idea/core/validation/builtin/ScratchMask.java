package dev.idea.core.validation.builtin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces the smoke run's scratch directory path in what the command prints by the fixed text
 * {@value #PLACEHOLDER}, so that the random temporary directory name never reaches a report.
 *
 * <p>Works on the byte stream as it arrives, before the output tail is cut, so that the number of
 * bytes kept and the place of the cut do not depend on the directory name either. Every spelling of
 * the directory is masked (as created, and with symbolic links resolved, e.g. {@code /tmp} vs
 * {@code /private/tmp} on macOS). Not thread-safe: one instance per stream.
 */
final class ScratchMask {
    /** What the scratch directory is shown as. */
    static final String PLACEHOLDER = "<scratch>";

    private static final byte[] REPLACEMENT = PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
    private static final int NONE = 0;
    private static final int PREFIX = 1;
    private static final int FULL = 2;

    /** Receives masked bytes. */
    interface Sink {
        void put(byte b);
    }

    private final List<byte[]> patterns = new ArrayList<>();
    private final List<String> texts;
    private final byte[] pending;
    private int pendingLength;

    /**
     * Creates a mask.
     *
     * @param spellings the directory's absolute path in every spelling, without trailing separator
     */
    ScratchMask(Set<String> spellings) {
        this.texts = List.copyOf(new LinkedHashSet<>(spellings));
        int longest = 1;
        for (String s : texts) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            patterns.add(b);
            longest = Math.max(longest, b.length);
        }
        this.pending = new byte[longest];
    }

    /**
     * Creates a mask for a scratch directory: its path as given, absolute, and with links resolved.
     *
     * @param dir the directory, which exists
     * @return the mask
     */
    static ScratchMask of(Path dir) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(dir.toString());
        spellings.add(dir.toAbsolutePath().toString());
        try {
            spellings.add(dir.toRealPath().toString());
        } catch (IOException e) {
            // the directory was just created; without its real path the other spellings still apply
        }
        return new ScratchMask(spellings);
    }

    /** Takes the next output byte; emits what can no longer start a directory path. */
    void feed(byte b, Sink out) {
        pending[pendingLength++] = b;
        while (pendingLength > 0) {
            int state = match();
            if (state == FULL) {
                for (byte r : REPLACEMENT) {
                    out.put(r);
                }
                pendingLength = 0;
                return;
            }
            if (state == PREFIX) {
                return;
            }
            out.put(pending[0]);
            System.arraycopy(pending, 1, pending, 0, --pendingLength);
        }
    }

    /** Emits the bytes held back at the end of the stream. */
    void flush(Sink out) {
        for (int i = 0; i < pendingLength; i++) {
            out.put(pending[i]);
        }
        pendingLength = 0;
    }

    /**
     * Masks a whole message, e.g. an I/O exception's text.
     *
     * @param text the text
     * @return the text with every spelling of the directory replaced
     */
    String mask(String text) {
        String out = text;
        for (String s : texts) {
            out = out.replace(s, PLACEHOLDER);
        }
        return out;
    }

    private int match() {
        int best = NONE;
        for (byte[] p : patterns) {
            if (pendingLength <= p.length && startsWith(p)) {
                if (pendingLength == p.length) {
                    return FULL;
                }
                best = PREFIX;
            }
        }
        return best;
    }

    private boolean startsWith(byte[] p) {
        for (int i = 0; i < pendingLength; i++) {
            if (pending[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
