package dev.idea.core.validation.builtin;

import java.io.IOException;
import java.io.InputStream;

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
            for (int i = 0; i < n; i++) {
                cutter.accept(buffer[i] & 0xff, offset + i);
            }
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

    private sealed interface Cutter permits LineCutter, RunCutter {
        void accept(int b, long offset);

        void finish(long end);

        default boolean done() {
            return false;
        }
    }

    private static final class LineCutter implements Cutter {
        private final Handler handler;
        private final StringBuilder current = new StringBuilder();
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
        public void accept(int b, long offset) {
            if (line > maxLines) {
                return;
            }
            if (b == '\n') {
                int length = current.length();
                if (length > 0 && current.charAt(length - 1) == '\r') {
                    current.setLength(length - 1);
                }
                emit(offset);
                line++;
                return;
            }
            if (current.length() == 0) {
                start = offset;
            }
            current.append((char) b);
            if (current.length() >= MAX_SEGMENT) {
                emit(offset);
            }
        }

        private void emit(long offset) {
            if (current.length() > 0) {
                handler.segment(current.toString(), line, start);
            } else {
                handler.segment("", line, offset);
            }
            current.setLength(0);
        }

        @Override
        public void finish(long end) {
            if (current.length() > 0 && line <= maxLines) {
                emit(end);
            }
        }
    }

    private static final class RunCutter implements Cutter {
        private final Handler handler;
        private final StringBuilder current = new StringBuilder();
        private long start = -1;

        RunCutter(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void accept(int b, long offset) {
            if (b >= 0x20 && b < 0x7f || b == '\t') {
                if (current.length() == 0) {
                    start = offset;
                }
                current.append((char) b);
                if (current.length() >= MAX_SEGMENT) {
                    flush();
                }
            } else {
                flush();
            }
        }

        private void flush() {
            if (current.length() >= MIN_RUN) {
                handler.segment(current.toString(), 0, start);
            }
            current.setLength(0);
        }

        @Override
        public void finish(long end) {
            flush();
        }
    }
}
