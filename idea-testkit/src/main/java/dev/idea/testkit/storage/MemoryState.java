package dev.idea.testkit.storage;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.VersionedRecord;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The content of one {@link InMemoryStorageProvider}, shared by every storage it opens.
 *
 * <p>Thread-safe: blobs and logs live in concurrent maps, records in a sorted map guarded by itself.
 */
final class MemoryState {
    final ConcurrentHashMap<Digest, Bytes> blobs = new ConcurrentHashMap<>();
    /** Guarded by itself; key to record. */
    final TreeMap<String, VersionedRecord> records = new TreeMap<>();
    final ConcurrentHashMap<String, MemoryAppendLog.Entries> logs = new ConcurrentHashMap<>();
    private final AtomicBoolean failNext = new AtomicBoolean();

    void failNextWrite() {
        failNext.set(true);
    }

    /** Called by each write at its commit point: throws once after {@link #failNextWrite()}. */
    void beforeCommit(String what) {
        if (failNext.compareAndSet(true, false)) {
            throw new StorageException(ErrorCode.STORAGE_IO, "injected failure while " + what
                    + " (InMemoryStorageProvider.failNextWrite()); nothing was written");
        }
    }
}
