package dev.idea.testkit.storage;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.StorageNames;
import dev.idea.spi.storage.VersionedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compare-and-set records in a sorted map.
 *
 * <p>Thread-safe: every operation holds the map's monitor.
 */
final class MemoryRecordStore implements RecordStore {
    private final MemoryState state;
    private final Runnable checkOpen;

    MemoryRecordStore(MemoryState state, Runnable checkOpen) {
        this.state = state;
        this.checkOpen = checkOpen;
    }

    @Override
    public Optional<VersionedRecord> get(String key) {
        StorageNames.requireRecordKey(key);
        checkOpen.run();
        synchronized (state.records) {
            return Optional.ofNullable(state.records.get(key));
        }
    }

    @Override
    public long compareAndSet(String key, long expectedVersion, Bytes value) {
        StorageNames.requireRecordKey(key);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0 (0 creates the record), got "
                    + expectedVersion);
        }
        Objects.requireNonNull(value, "value");
        checkOpen.run();
        synchronized (state.records) {
            VersionedRecord current = state.records.get(key);
            long version = current == null ? 0 : current.version();
            if (version != expectedVersion) {
                throw new StorageException(ErrorCode.STORAGE_CONFLICT, "record \"" + key + "\" is at version "
                        + version + ", not the expected " + expectedVersion + "; read it again and retry");
            }
            state.beforeCommit("writing record \"" + key + "\"");
            state.records.put(key, new VersionedRecord(key, version + 1, value));
            return version + 1;
        }
    }

    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        checkOpen.run();
        synchronized (state.records) {
            List<String> keys = new ArrayList<>();
            for (String key : state.records.tailMap(prefix, true).keySet()) {
                if (!key.startsWith(prefix)) {
                    break;
                }
                keys.add(key);
            }
            return List.copyOf(keys);
        }
    }
}
