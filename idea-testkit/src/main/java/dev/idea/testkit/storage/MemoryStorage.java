package dev.idea.testkit.storage;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.BlobStore;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageNames;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open view of an {@link InMemoryStorageProvider}'s content; fails with {@code CLOSED} once closed.
 *
 * <p>Thread-safe.
 */
final class MemoryStorage implements Storage {
    private final MemoryState state;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MemoryBlobStore blobs;
    private final MemoryRecordStore records;

    MemoryStorage(MemoryState state) {
        this.state = state;
        this.blobs = new MemoryBlobStore(state, this::checkOpen);
        this.records = new MemoryRecordStore(state, this::checkOpen);
    }

    @Override
    public BlobStore blobs() {
        checkOpen();
        return blobs;
    }

    @Override
    public RecordStore records() {
        checkOpen();
        return records;
    }

    @Override
    public AppendLog log(String name) {
        StorageNames.requireLogName(name);
        checkOpen();
        return new MemoryAppendLog(name, state.logs.computeIfAbsent(name, n -> new MemoryAppendLog.Entries()),
                state, this::checkOpen);
    }

    @Override
    public void close() {
        closed.set(true);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IdeaException(ErrorCode.CLOSED, "in-memory storage is closed; open it again with "
                    + "InMemoryStorageProvider.open(...) (the content is kept)");
        }
    }
}
