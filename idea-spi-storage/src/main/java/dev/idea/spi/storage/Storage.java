package dev.idea.spi.storage;

/**
 * An open storage: one blob store, one record store, and named append-only logs.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface Storage extends AutoCloseable {

    /**
     * Returns the content-addressed blob store.
     *
     * @return the blob store
     */
    BlobStore blobs();

    /**
     * Returns the compare-and-set record store.
     *
     * @return the record store
     */
    RecordStore records();

    /**
     * Returns the append-only log with this name, creating it empty when it does not exist.
     *
     * @param name 1-64 characters of {@code a-z 0-9 -}
     * @return the log
     * @throws dev.idea.api.StorageException with {@code STORAGE_KEY_INVALID} for a bad name
     */
    AppendLog log(String name);

    /** Releases files and connections; idempotent. */
    @Override
    void close();
}
