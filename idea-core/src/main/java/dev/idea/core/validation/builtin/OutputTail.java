package dev.idea.core.validation.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child process's output on its own thread, keeping only the last {@code capacity} bytes,
 * so that a chatty process neither blocks on a full pipe nor fills the heap.
 */
final class OutputTail implements Runnable {
    private final InputStream in;
    private final byte[] ring;
    private long total;

    OutputTail(InputStream in, int capacity) {
        this.in = in;
        this.ring = new byte[capacity];
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        ring[(int) (total++ % ring.length)] = buffer[i];
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closes when the process tree is killed; what was read so far is kept
        }
    }

    /** Returns the kept tail as text, control characters other than newline and tab escaped. */
    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] out = new byte[kept];
        long start = total - kept;
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        String s = new String(out, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(s.length() + 32);
        if (start > 0) {
            b.append("[… ").append(start).append(" earlier bytes omitted]\n");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
