package dev.idea.core;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.BlobStore;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.Storage;
import java.util.List;
import java.util.function.Predicate;

/** A storage whose log appends fail with {@code STORAGE_IO} (nothing written) when told to, as a full disk would. Tests only. */
public final class FailingStorage implements Storage {
    private final Storage inner;
    private final Predicate<String> failAppend;

    /**
     * Wraps a storage.
     *
     * @param inner the storage
     * @param failAppend asked with the log's name before each append; true makes it fail
     */
    public FailingStorage(Storage inner, Predicate<String> failAppend) {
        this.inner = inner;
        this.failAppend = failAppend;
    }

    @Override
    public BlobStore blobs() {
        return inner.blobs();
    }

    @Override
    public RecordStore records() {
        return inner.records();
    }

    @Override
    public AppendLog log(String name) {
        AppendLog log = inner.log(name);
        return new AppendLog() {
            @Override
            public long size() {
                return log.size();
            }

            @Override
            public long append(long expectedSize, List<Bytes> entries) {
                if (failAppend.test(name)) {
                    throw new StorageException(ErrorCode.STORAGE_IO, "injected: disk full");
                }
                return log.append(expectedSize, entries);
            }

            @Override
            public List<Bytes> read(long fromIndex, int maxCount) {
                return log.read(fromIndex, maxCount);
            }
        };
    }

    @Override
    public void close() {
        inner.close();
    }
}
