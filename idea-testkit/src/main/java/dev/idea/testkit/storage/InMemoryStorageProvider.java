package dev.idea.testkit.storage;

import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.util.Objects;

/**
 * A strict in-memory storage provider, id {@value #ID}, for tests.
 *
 * <p>It enforces exactly what the SPI promises and no more: the {@link
 * dev.idea.spi.storage.StorageNames} rules, entries of 1 to {@link dev.idea.spi.storage.AppendLog#MAX_ENTRY_BYTES}
 * bytes, non-empty batches, compare-and-set on versions and sizes, {@code CLOSED} after close. It
 * keeps its content per provider instance: every {@link #open} of the same instance sees what earlier
 * opens wrote, so tests can close and "reopen". {@link #failNextWrite()} makes the next write fail
 * with {@code STORAGE_IO} after validation and before anything changes, so callers can prove that a
 * failed write leaves no partial state. Thread-safe.
 *
 * <p>Security guarantees: none beyond the process; nothing is durable. Use it in tests only.
 *
 * @since 0.1
 */
public final class InMemoryStorageProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "memory";

    private final MemoryState state = new MemoryState();

    /** Creates a provider with empty content; ServiceLoader calls this. */
    public InMemoryStorageProvider() {
        // The content lives in the MemoryState created above.
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens a view of this provider's content.
     *
     * @param context ignored except for presence
     * @return a storage sharing content with every other storage this instance opened
     */
    @Override
    public Storage open(StorageContext context) {
        Objects.requireNonNull(context, "context");
        return new MemoryStorage(state);
    }

    /**
     * Makes the next write (blob put, record compare-and-set or log append) through any storage of this
     * provider fail with {@code STORAGE_IO}, after its arguments and preconditions were checked and
     * before anything changed. Calling it twice still fails one write.
     */
    public void failNextWrite() {
        state.failNextWrite();
    }
}
