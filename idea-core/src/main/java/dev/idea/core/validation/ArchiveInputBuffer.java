package dev.idea.core.validation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link BufferedInputStream} whose bulk read returns what is buffered, or reads straight into the
 * caller's array when its buffer is empty and the read is at least a buffer long, and never loops.
 *
 * <p>{@code BufferedInputStream.read(byte[], int, int)} tops a partial read up: once a 512-byte tar
 * header has been read from its buffer, every later 64 KiB content read is served as the 65,024 bytes
 * left in the buffer plus a refill for the last 512 bytes (with an {@code available()} call between),
 * so every content byte would be copied once more. Callers here read until end of stream and accept
 * short reads, so this one returns the buffered bytes alone and lets the next read go direct.
 * Not thread-safe in practice (one reader), though the methods keep the superclass's locking.
 */
final class ArchiveInputBuffer extends BufferedInputStream {

    ArchiveInputBuffer(InputStream in, int size) {
        super(in, size);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (buf == null) {
            throw new IOException("Stream closed");
        }
        if (len == 0) {
            return 0;
        }
        int buffered = count - pos;
        if (buffered > 0) {
            int n = Math.min(buffered, len);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        if (len >= buf.length && markpos < 0) {
            return in.read(b, off, len);
        }
        return super.read(b, off, len);
    }
}
