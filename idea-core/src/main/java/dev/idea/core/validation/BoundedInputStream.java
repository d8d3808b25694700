package dev.idea.core.validation;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exposes exactly the next {@code length} bytes of a stream, and fails with {@link EOFException} when
 * the stream ends before them (a truncated archive). Closing it does not close the stream underneath.
 * Not thread-safe.
 */
final class BoundedInputStream extends FilterInputStream {
    private final long entry;
    private long left;

    BoundedInputStream(InputStream in, long length, long entry) {
        super(in);
        this.left = length;
        this.entry = entry;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("the archive ends inside the content of entry " + entry + " (" + left + " bytes missing)");
        }
        left -= n;
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // callers read instead, so that every byte passes the digest and the counters
    }

    @Override
    public void close() {
        // the stream underneath belongs to the archive reader
    }
}
