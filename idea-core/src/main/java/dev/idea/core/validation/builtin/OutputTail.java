package dev.idea.core.validation.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a child process on its own thread, keeping only the last
 * {@code capacity} bytes, so that a chatty process neither blocks on a full pipe nor fills the heap.
 * The scratch directory's path is masked as the bytes arrive ({@link ScratchMask}), before the tail
 * is cut.
 */
final class OutputTail implements Runnable {
    private final InputStream in;
    private final byte[] ring;
    private final ScratchMask mask;
    private final ScratchMask.Sink sink = this::keep;
    private long total;
    private Thread reader;

    private OutputTail(InputStream in, int capacity, ScratchMask mask) {
        this.in = in;
        this.ring = new byte[capacity];
        this.mask = mask;
    }

    /**
     * Starts draining a stream on a daemon thread.
     *
     * @param in the child's stdout or stderr
     * @param capacity bytes kept
     * @param mask masks the scratch directory
     * @param threadName the thread's name
     * @return the tail, filling
     */
    static OutputTail start(InputStream in, int capacity, ScratchMask mask, String threadName) {
        OutputTail tail = new OutputTail(in, capacity, mask);
        tail.reader = new Thread(tail, threadName);
        tail.reader.setDaemon(true);
        tail.reader.start();
        return tail;
    }

    /** Waits for the end of the stream (all writers gone), at most {@code millis}. */
    void await(long millis) throws InterruptedException {
        reader.join(millis);
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        mask.feed(buffer[i], sink);
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closes when the process tree is killed; what was read so far is kept
        } finally {
            synchronized (this) {
                mask.flush(sink);
            }
        }
    }

    private void keep(byte b) {
        ring[(int) (total++ % ring.length)] = b;
    }

    /** Returns whether nothing was written. */
    synchronized boolean isEmpty() {
        return total == 0;
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
