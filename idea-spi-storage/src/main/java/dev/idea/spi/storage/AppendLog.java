package dev.idea.spi.storage;

import dev.idea.api.Bytes;
import java.util.List;

/**
 * An append-only sequence of entries, indexed from 0, extended only by conditional appends.
 *
 * <p>An append names the size it expects the log to have; if another writer got there first, the
 * append fails with {@code STORAGE_CONFLICT} and writes nothing. A batch is all-or-nothing, also
 * across a crash: after reopening, either every entry of the batch is present or none is. Entries are
 * durable once {@link #append} returns. Readers never see part of an entry or part of a batch.
 *
 * @since 0.1
 */
public interface AppendLog {

    /** Largest entry accepted, in bytes: 16 MiB. */
    int MAX_ENTRY_BYTES = 16 << 20;

    /**
     * Returns the number of entries.
     *
     * @return the size
     */
    long size();

    /**
     * Appends entries if the log currently has {@code expectedSize} entries.
     *
     * @param expectedSize the size the caller last saw
     * @param entries one or more entries, each non-empty and at most {@link #MAX_ENTRY_BYTES}
     * @return the new size
     * @throws dev.idea.api.StorageException with {@code STORAGE_CONFLICT} when the size differs,
     *     {@code STORAGE_IO} when the medium fails (nothing acknowledged)
     */
    long append(long expectedSize, List<Bytes> entries);

    /**
     * Reads entries.
     *
     * @param fromIndex first index, from 0 to {@link #size()}
     * @param maxCount most entries to return, at least 1
     * @return up to {@code maxCount} entries; empty at the end of the log
     */
    List<Bytes> read(long fromIndex, int maxCount);
}
