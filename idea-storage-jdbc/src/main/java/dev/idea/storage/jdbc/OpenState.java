package dev.idea.storage.jdbc;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open/closed flag shared by one JDBC storage and its stores.
 *
 * <p>Thread-safe.
 */
final class OpenState {
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenState(String description) {
        this.description = description;
    }

    /** Throws {@code CLOSED} once {@link #close()} has been called. */
    void check() {
        if (closed.get()) {
            throw new IdeaException(ErrorCode.CLOSED, description + " is closed; open it again with StorageProvider.open(...)");
        }
    }

    /**
     * Marks the storage closed.
     *
     * @return true for the first call only
     */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    /**
     * Returns what the storage is, for messages, e.g. {@code PostgreSQL schema "idea"}.
     *
     * @return the description
     */
    String description() {
        return description;
    }
}
