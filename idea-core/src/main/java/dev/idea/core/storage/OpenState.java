package dev.idea.core.storage;

import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open/closed flag shared by one filesystem storage and its stores.
 *
 * <p>Thread-safe.
 */
final class OpenState {
    private final Path root;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenState(Path root) {
        this.root = root;
    }

    /** Throws {@code CLOSED} once {@link #close()} has been called. */
    void check() {
        if (closed.get()) {
            throw new IdeaException(ErrorCode.CLOSED, "storage at " + root
                    + " is closed; open it again with StorageProvider.open(...)");
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Marks the storage closed.
     *
     * @return true for the first call only
     */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    Path root() {
        return root;
    }
}
