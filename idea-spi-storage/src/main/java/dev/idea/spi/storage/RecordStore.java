package dev.idea.spi.storage;

import dev.idea.api.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * Small mutable records under string keys, updated only by compare-and-set on a version number.
 *
 * <p>Keys are 1-512 characters of {@code A-Z a-z 0-9 . _ - /}, without empty, {@code .} or
 * {@code ..} segments. A record that does not exist has version 0; each successful write increments
 * the version by one. A write is atomic and durable once it returns.
 *
 * @since 0.1
 */
public interface RecordStore {

    /**
     * Reads a record.
     *
     * @param key the key
     * @return the record, or empty when it does not exist
     */
    Optional<VersionedRecord> get(String key);

    /**
     * Writes a record if its current version is {@code expectedVersion}.
     *
     * @param key the key
     * @param expectedVersion 0 to create, otherwise the version last read
     * @param value the new content
     * @return the new version, {@code expectedVersion + 1}
     * @throws dev.idea.api.StorageException with {@code STORAGE_CONFLICT} when the version differs
     *     (nothing is written), {@code STORAGE_KEY_INVALID} for a bad key, {@code STORAGE_IO} on failure
     */
    long compareAndSet(String key, long expectedVersion, Bytes value);

    /**
     * Lists keys that start with a prefix, in ascending order.
     *
     * @param prefix the prefix, may be empty
     * @return the keys
     */
    List<String> keys(String prefix);
}
