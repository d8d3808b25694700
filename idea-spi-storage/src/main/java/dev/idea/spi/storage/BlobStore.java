package dev.idea.spi.storage;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import java.io.InputStream;
import java.util.Optional;

/**
 * Immutable blobs addressed by their SHA-256.
 *
 * <p>Writing the same content twice is harmless and returns the same digest. A blob is durable
 * once {@code put} returns; a failed or interrupted {@code put} leaves no visible blob.
 *
 * @since 0.1
 */
public interface BlobStore {

    /**
     * Stores bytes.
     *
     * @param content the bytes
     * @return their SHA-256 digest, the blob's address
     * @throws dev.idea.api.StorageException with {@code STORAGE_IO} when the medium fails
     */
    Digest put(Bytes content);

    /**
     * Stores a stream, reading it to its end, without holding it all in memory.
     *
     * @param content the bytes; not closed
     * @return their SHA-256 digest
     * @throws dev.idea.api.StorageException with {@code STORAGE_IO} when reading or writing fails
     */
    Digest put(InputStream content);

    /**
     * Opens a blob for reading.
     *
     * @param digest the address (SHA-256)
     * @return a stream the caller closes, or empty when there is no such blob
     */
    Optional<InputStream> open(Digest digest);

    /**
     * Reads a whole blob into memory.
     *
     * @param digest the address
     * @return the bytes, or empty when there is no such blob
     */
    Optional<Bytes> get(Digest digest);

    /**
     * Tells whether a blob exists.
     *
     * @param digest the address
     * @return true when stored
     */
    boolean contains(Digest digest);
}
