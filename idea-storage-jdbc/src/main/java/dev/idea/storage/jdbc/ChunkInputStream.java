package dev.idea.storage.jdbc;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A stream over a stored blob that fetches one chunk at a time and checks the blob's SHA-256 at the end.
 *
 * <p>Holds no connection between reads: blobs never change once stored, so chunks fetched by separate
 * statements belong to one consistent blob. Not thread-safe, like any {@link InputStream}.
 */
final class ChunkInputStream extends InputStream {
    private final JdbcBlobStore store;
    private final Digest digest;
    private final JdbcBlobStore.StoredBlob blob;
    private final MessageDigest sha256 = HashAlgorithm.SHA_256.newMessageDigest();
    private byte[] chunk = new byte[0];
    private int position;
    private int nextSeq;
    private long delivered;
    private boolean verified;
    private boolean closed;

    ChunkInputStream(JdbcBlobStore store, Digest digest, JdbcBlobStore.StoredBlob blob) {
        this.store = store;
        this.digest = digest;
        this.blob = blob;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream over blob " + digest + " is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (position == chunk.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.length - position;
    }

    @Override
    public void close() {
        closed = true;
        chunk = new byte[0];
    }

    /** Fetches the next chunk; at the end, checks size and digest. */
    private boolean fill() throws IOException {
        if (nextSeq == blob.chunkCount()) {
            verifyWhole();
            return false;
        }
        try {
            chunk = store.chunk(digest, blob.contentId(), nextSeq++);
        } catch (StorageException e) {
            throw new IOException(e.getMessage(), e);
        }
        position = 0;
        sha256.update(chunk);
        delivered += chunk.length;
        return chunk.length > 0 || fill();
    }

    private void verifyWhole() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        Digest actual = Digest.ofSha256(sha256.digest());
        if (delivered != blob.size() || !actual.equals(digest)) {
            StorageException e = new StorageException(ErrorCode.STORAGE_CORRUPT, "blob " + digest + " read back as "
                    + delivered + " bytes with digest " + actual + " (expected " + blob.size()
                    + " bytes); the stored chunks are damaged: restore them from a backup");
            throw new IOException(e.getMessage(), e);
        }
    }
}
