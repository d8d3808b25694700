package dev.idea.core.storage;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded storage provider, id {@value #ID}: blobs, records and append-only logs in a local
 * directory.
 *
 * <p>The directory is the setting {@value #DIRECTORY_PROPERTY}, or {@code <dataDirectory>/storage}
 * when that is not set. Several storages, in this JVM or in other processes, may open the same
 * directory at once: records and logs are guarded by file locks. Instances are stateless and
 * thread-safe; {@link java.util.ServiceLoader} creates them through the public no-argument constructor.
 *
 * <p>Costs to plan for: opening reads every log file in full to check its frames; an open log keeps
 * 12 bytes of index per entry in memory; record writes are serialized by one lock per directory; every
 * write waits for an fsync.
 *
 * <p>Security guarantees: a write returns only once it is durable (data forced, then atomic rename
 * or framed append, then directory forced), so an acknowledged write survives a process or machine
 * crash; a write that fails or is interrupted leaves nothing visible. Log frames and record files
 * carry CRC32C checksums and blobs are re-hashed when read in full: damage is reported as
 * {@code STORAGE_CORRUPT}, never silently repaired, except for a torn last log frame, which was never
 * acknowledged and is dropped on open with a warning.
 *
 * @since 0.1
 */
public final class FileSystemStorageProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "filesystem";
    /** The setting naming the storage directory. */
    public static final String DIRECTORY_PROPERTY = "idea.storage.filesystem.directory";

    /** Creates the provider; ServiceLoader calls this. */
    public FileSystemStorageProvider() {
        // Stateless: everything is taken from the StorageContext in open().
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens the storage directory, creating it when absent.
     *
     * @param context settings and data directory
     * @return the open storage
     * @throws ConfigurationException with {@code CONFIG_INVALID} when no directory is configured or the
     *     setting is not a path
     * @throws dev.idea.api.StorageException with {@code STORAGE_IO} when the directory cannot be used,
     *     {@code STORAGE_CORRUPT} when a log is damaged before its tail
     */
    @Override
    public Storage open(StorageContext context) {
        Objects.requireNonNull(context, "context");
        return FileSystemStorage.open(directory(context));
    }

    static Path directory(StorageContext context) {
        Optional<String> setting = context.property(DIRECTORY_PROPERTY);
        if (setting.isPresent()) {
            try {
                return Path.of(setting.get()).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, DIRECTORY_PROPERTY + " = \"" + setting.get()
                        + "\" is not a valid path (" + e.getReason() + "); set it to a writable directory", e);
            }
        }
        if (context.dataDirectory() != null) {
            return context.dataDirectory().resolve("storage").toAbsolutePath();
        }
        throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "the filesystem storage has no directory: call "
                + "Idea.builder().dataDirectory(...) or set " + DIRECTORY_PROPERTY + " to a writable directory");
    }
}
