package dev.idea.storage.jdbc;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Content-addressed blobs kept as {@value #CHUNK_BYTES}-byte {@code bytea} chunks.
 *
 * <p>Why chunked {@code bytea} and not large objects: chunks live in this schema's own tables (dumped,
 * replicated and dropped with it, unlike {@code pg_largeobject}), need no driver-specific API and no
 * {@code lo_unlink} bookkeeping, and a reader fetches one chunk per short statement instead of holding a
 * connection and a transaction open while the caller consumes the stream. Why not one {@code bytea} per
 * blob: PostgreSQL caps a value at 1 GB and the driver materializes a whole value in the heap.
 *
 * <p>A put runs in one transaction: it reserves a content id, streams the input chunk by chunk (only one
 * chunk is in memory), hashes it on the way, then claims the digest with
 * {@code INSERT ... ON CONFLICT DO NOTHING}. If the digest was already stored, the transaction rolls
 * back and the new chunks vanish. Thread-safe.
 *
 * <p>Security guarantees: a blob is visible only after every chunk of it is committed; a failed or
 * interrupted put leaves nothing visible. Reading a whole blob re-hashes it and reports a mismatch as
 * {@code STORAGE_CORRUPT}; a stream from {@link #open} re-hashes as it goes and fails its last read
 * with an {@link IOException} on a mismatch.
 */
final class JdbcBlobStore implements BlobStore {
    /** Size of a stored chunk: 1 MiB, the most memory a put or a read holds per blob. */
    static final int CHUNK_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final OpenState state;
    private final String nextContentId;
    private final String insertChunk;
    private final String claimDigest;
    private final String selectBlob;
    private final String selectChunk;

    JdbcBlobStore(DataSource dataSource, String schema, OpenState state) {
        this.dataSource = dataSource;
        this.state = state;
        String q = "\"" + schema + "\".";
        this.nextContentId = "SELECT nextval('" + q + "blob_content_ids')";
        this.insertChunk = "INSERT INTO " + q + "blob_chunks (content_id, seq, data) VALUES (?, ?, ?)";
        this.claimDigest = "INSERT INTO " + q + "blobs (digest, content_id, size, chunk_count) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (digest) DO NOTHING";
        this.selectBlob = "SELECT content_id, size, chunk_count FROM " + q + "blobs WHERE digest = ?";
        this.selectChunk = "SELECT data FROM " + q + "blob_chunks WHERE content_id = ? AND seq = ?";
    }

    @Override
    public Digest put(Bytes content) {
        Objects.requireNonNull(content, "content");
        return put(content.openStream());
    }

    @Override
    public Digest put(InputStream content) {
        Objects.requireNonNull(content, "content");
        state.check();
        return JdbcSupport.inTransaction(dataSource, "storing a blob in " + state.description(), c -> store(c, content));
    }

    private Digest store(Connection c, InputStream content) throws SQLException {
        long contentId;
        try (PreparedStatement s = c.prepareStatement(nextContentId); ResultSet rs = s.executeQuery()) {
            rs.next();
            contentId = rs.getLong(1);
        }
        MessageDigest sha256 = HashAlgorithm.SHA_256.newMessageDigest();
        byte[] buffer = new byte[CHUNK_BYTES];
        long size = 0;
        int chunks = 0;
        try (PreparedStatement insert = c.prepareStatement(insertChunk)) {
            while (true) {
                int n = readChunk(content, buffer, size);
                if (n == 0) {
                    break;
                }
                sha256.update(buffer, 0, n);
                insert.setLong(1, contentId);
                insert.setInt(2, chunks++);
                insert.setBytes(3, n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
                insert.executeUpdate();
                size += n;
                if (n < buffer.length) {
                    break;
                }
            }
        }
        Digest digest = Digest.ofSha256(sha256.digest());
        try (PreparedStatement claim = c.prepareStatement(claimDigest)) {
            claim.setBytes(1, digest.value().toByteArray());
            claim.setLong(2, contentId);
            claim.setLong(3, size);
            claim.setInt(4, chunks);
            if (claim.executeUpdate() == 0) {
                c.rollback(); // already stored: drop this copy's chunks
            }
        }
        return digest;
    }

    private static int readChunk(InputStream content, byte[] buffer, long offset) {
        try {
            return content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "reading the blob content stream failed after " + offset
                    + " bytes: " + e.getMessage() + "; nothing was stored, retry with a readable stream", e);
        }
    }

    @Override
    public Optional<InputStream> open(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        state.check();
        return locate(digest).map(b -> new ChunkInputStream(this, digest, b));
    }

    @Override
    public Optional<Bytes> get(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        state.check();
        Optional<StoredBlob> blob = locate(digest);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        StoredBlob b = blob.get();
        if (b.size() > Integer.MAX_VALUE - 16) {
            throw new StorageException(ErrorCode.STORAGE_IO, "blob " + digest + " has " + b.size()
                    + " bytes, too many to return as one value; read it with open(digest) instead");
        }
        try (InputStream in = new ChunkInputStream(this, digest, b)) {
            return Optional.of(Bytes.of(in.readAllBytes()));
        } catch (IOException e) {
            if (e.getCause() instanceof StorageException) {
                throw (StorageException) e.getCause();
            }
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean contains(Digest digest) {
        Objects.requireNonNull(digest, "digest");
        state.check();
        return locate(digest).isPresent();
    }

    private Optional<StoredBlob> locate(Digest digest) {
        if (digest.algorithm() != HashAlgorithm.SHA_256) {
            return Optional.empty(); // blobs are addressed by SHA-256 only
        }
        return JdbcSupport.autocommit(dataSource, "looking up blob " + digest + " in " + state.description(), c -> {
            try (PreparedStatement s = c.prepareStatement(selectBlob)) {
                s.setBytes(1, digest.value().toByteArray());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredBlob(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                            : Optional.<StoredBlob>empty();
                }
            }
        });
    }

    /**
     * Reads one chunk of a stored blob.
     *
     * @param digest the blob, for messages
     * @param contentId its content id
     * @param seq the chunk number
     * @return the chunk's bytes
     * @throws StorageException with {@code STORAGE_CORRUPT} when the chunk is missing, {@code STORAGE_IO}
     *     when the database fails, {@code CLOSED} after close
     */
    byte[] chunk(Digest digest, long contentId, int seq) {
        state.check();
        return JdbcSupport.autocommit(dataSource, "reading chunk " + seq + " of blob " + digest + " in "
                + state.description(), c -> {
                    try (PreparedStatement s = c.prepareStatement(selectChunk)) {
                        s.setLong(1, contentId);
                        s.setInt(2, seq);
                        try (ResultSet rs = s.executeQuery()) {
                            if (!rs.next()) {
                                throw new StorageException(ErrorCode.STORAGE_CORRUPT, "blob " + digest + " lacks chunk " + seq
                                        + " in " + state.description() + "; restore blob_chunks from a backup");
                            }
                            return rs.getBytes(1);
                        }
                    }
                });
    }

    /** Where a stored blob's chunks are. */
    record StoredBlob(long contentId, long size, int chunkCount) {
    }
}
