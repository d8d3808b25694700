package dev.idea.core.validation.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams an entry's bytes as text segments for pattern scanners, in bounded memory.
 *
 * <p>An entry is <em>binary</em> when its first {@value #SNIFF_BYTES} bytes hold a NUL byte (the rule
 * git uses). A text entry is cut into lines ({@code \n}, a trailing {@code \r} dropped); a line longer
 * than {@value #MAX_SEGMENT} bytes is cut into several segments of the same line number, so a match
 * that straddles such a cut is missed. A binary entry is cut into runs of printable ASCII (and tab)
 * of at least {@value #MIN_RUN} bytes, the way {@code strings(1)} does; its segments have line 0.
 * Bytes become chars one to one (ISO-8859-1), so a char index is a byte offset and UTF-8 text
 * appears as its raw bytes: scanners match ASCII patterns. Not thread-safe; stateless between calls.
 */
final class TextScanner {
    /** Bytes inspected to decide whether an entry is binary. */
    static final int SNIFF_BYTES = 8000;
    /** Longest segment handed to a scanner, in bytes. */
    static final int MAX_SEGMENT = 16 * 1024;
    /** Shortest printable run reported from a binary entry. */
    static final int MIN_RUN = 8;

    /** Receives the segments of one entry in order. */
    interface Handler {
        /**
         * Handles one segment.
         *
         * @param text the segment, one char per byte
         * @param line 1-based line number, 0 in a binary entry
         * @param offset byte offset of the segment's first char within the entry
         */
        void segment(String text, long line, long offset);
    }

    private TextScanner() {
    }

    /**
     * Scans a stream to its end.
     *
     * @return true when the entry was treated as binary
     * @throws IOException when reading fails
     */
    static boolean scan(InputStream in, Handler handler) throws IOException {
        return scan(in, handler, Long.MAX_VALUE);
    }

    /**
     * Scans a stream up to the end of line {@code maxLines} of a text entry (a binary entry to its end).
     *
     * @return true when the entry was treated as binary
     * @throws IOException when reading fails
     */
    static boolean scan(InputStream in, Handler handler, long maxLines) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int sniffed = readFully(in, buffer, SNIFF_BYTES);
        boolean binary = false;
        for (int i = 0; i < sniffed; i++) {
            if (buffer[i] == 0) {
                binary = true;
                break;
            }
        }
        Cutter cutter = binary ? new RunCutter(handler) : new LineCutter(handler, maxLines);
        long offset = 0;
        int n = sniffed;
        while (n > 0 && !cutter.done()) {
            cutter.accept(buffer, n, offset);
            offset += n;
            n = in.read(buffer);
            if (n < 0) {
                break;
            }
        }
        cutter.finish(offset);
        return binary;
    }

    private static int readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** A segment as a string: one char per byte (ISO-8859-1 is the identity on bytes, and a plain copy). */
    private static String text(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private sealed interface Cutter permits LineCutter, RunCutter {
        /** Takes {@code bytes[0, n)}, whose first byte is at {@code base} in the entry. */
        void accept(byte[] bytes, int n, long base);

        void finish(long end);

        default boolean done() {
            return false;
        }
    }

    private static final class LineCutter implements Cutter {
        private final Handler handler;
        private final byte[] current = new byte[MAX_SEGMENT];
        private int length;
        private long start = -1;
        private final long maxLines;
        private long line = 1;

        LineCutter(Handler handler, long maxLines) {
            this.handler = handler;
            this.maxLines = maxLines;
        }

        @Override
        public boolean done() {
            return line > maxLines;
        }

        @Override
        public void accept(byte[] bytes, int n, long base) {
            int i = 0;
            while (i < n && line <= maxLines) {
                int limit = Math.min(n, i + (MAX_SEGMENT - length));
                int j = i;
                while (j < limit && bytes[j] != '\n') {
                    j++;
                }
                if (j > i) {
                    if (length == 0) {
                        start = base + i;
                    }
                    System.arraycopy(bytes, i, current, length, j - i);
                    length += j - i;
                }
                if (length >= MAX_SEGMENT) {
                    emit(base + j - 1); // a full segment of a longer line; the line goes on
                    i = j;
                    continue;
                }
                if (j == n) {
                    break;
                }
                // bytes[j] is the end of the line
                if (length > 0 && current[length - 1] == '\r') {
                    length--;
                }
                emit(base + j);
                line++;
                i = j + 1;
            }
        }

        private void emit(long offset) {
            if (length > 0) {
                handler.segment(text(current, length), line, start);
            } else {
                handler.segment("", line, offset);
            }
            length = 0;
        }

        @Override
        public void finish(long end) {
            if (length > 0 && line <= maxLines) {
                emit(end);
            }
        }
    }

    private static final class RunCutter implements Cutter {
        private final Handler handler;
        private final byte[] current = new byte[MAX_SEGMENT];
        private int length;
        private long start = -1;

        RunCutter(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void accept(byte[] bytes, int n, long base) {
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                if (b >= 0x20 && b < 0x7f || b == '\t') {
                    if (length == 0) {
                        start = base + i;
                    }
                    current[length++] = b;
                    if (length >= MAX_SEGMENT) {
                        flush();
                    }
                } else if (length > 0) {
                    flush();
                }
            }
        }

        private void flush() {
            if (length >= MIN_RUN) {
                handler.segment(text(current, length), 0, start);
            }
            length = 0;
        }

        @Override
        public void finish(long end) {
            flush();
        }
    }
}
