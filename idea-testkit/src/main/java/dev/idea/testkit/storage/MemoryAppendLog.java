package dev.idea.testkit.storage;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An append log in a list, with the same argument rules and limits as the filesystem provider.
 *
 * <p>Thread-safe: appends and reads hold the list's monitor, so a batch appears all at once.
 */
final class MemoryAppendLog implements AppendLog {
    /** Largest encoded batch, as in the filesystem provider: entries plus 4 bytes each plus 4. */
    static final int MAX_BATCH_BYTES = 1 << 30;

    /** The entries of one named log, shared by every storage of a provider. */
    static final class Entries {
        final List<Bytes> list = new ArrayList<>();
    }

    private final String name;
    private final Entries entries;
    private final MemoryState state;
    private final Runnable checkOpen;

    MemoryAppendLog(String name, Entries entries, MemoryState state, Runnable checkOpen) {
        this.name = name;
        this.entries = entries;
        this.state = state;
        this.checkOpen = checkOpen;
    }

    @Override
    public long size() {
        checkOpen.run();
        synchronized (entries) {
            return entries.list.size();
        }
    }

    @Override
    public long append(long expectedSize, List<Bytes> batch) {
        checkBatch(expectedSize, batch);
        List<Bytes> copy = List.copyOf(batch);
        checkOpen.run();
        synchronized (entries) {
            long size = entries.list.size();
            if (size != expectedSize) {
                throw new StorageException(ErrorCode.STORAGE_CONFLICT, "log \"" + name + "\" has " + size
                        + " entries, not the expected " + expectedSize + "; read the new entries and retry");
            }
            state.beforeCommit("appending to log \"" + name + "\"");
            entries.list.addAll(copy);
            return entries.list.size();
        }
    }

    @Override
    public List<Bytes> read(long fromIndex, int maxCount) {
        if (fromIndex < 0 || maxCount < 1) {
            throw new IllegalArgumentException("read(" + fromIndex + ", " + maxCount
                    + "): fromIndex must be >= 0 and maxCount >= 1");
        }
        checkOpen.run();
        synchronized (entries) {
            int size = entries.list.size();
            if (fromIndex > size) {
                throw new StorageException(ErrorCode.STORAGE_NOT_FOUND, "log \"" + name + "\" has " + size
                        + " entries; cannot read from index " + fromIndex + "; read from 0 to size()");
            }
            int from = (int) fromIndex;
            return List.copyOf(entries.list.subList(from, (int) Math.min(size, fromIndex + maxCount)));
        }
    }

    private static void checkBatch(long expectedSize, List<Bytes> batch) {
        Objects.requireNonNull(batch, "entries");
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must be >= 0, got " + expectedSize);
        }
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one entry; do not append empty batches");
        }
        long total = 4;
        for (int i = 0; i < batch.size(); i++) {
            Bytes entry = Objects.requireNonNull(batch.get(i), "entries[" + i + "]");
            if (entry.isEmpty() || entry.size() > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry " + i + " has " + entry.size() + " bytes; entries must be 1-"
                        + MAX_ENTRY_BYTES + " bytes (store larger content as a blob and log its digest)");
            }
            total += 4L + entry.size();
        }
        if (total > MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("batch of " + batch.size() + " entries is larger than "
                    + MAX_BATCH_BYTES + " bytes; split it into smaller batches");
        }
    }
}
