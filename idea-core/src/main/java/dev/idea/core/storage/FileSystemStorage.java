package dev.idea.core.storage;

import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.BlobStore;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage kept in one local directory.
 *
 * <p>Layout: {@code blobs/sha256/<xx>/<hex>}, {@code records/<xx>/<sha256(key)>} with
 * {@code records.lock}, {@code logs/<name>.log} with {@code logs/<name>.lock}, and {@code tmp/<session>/}
 * for temp files. Opening repairs torn log tails and removes temp files of dead sessions. Thread-safe;
 * several storages, in this or other processes, may share the directory.
 *
 * <p>Security guarantees: every write returns only after its data and the directory entry naming it
 * are forced to the medium; stored data carries checksums that are checked when read.
 */
final class FileSystemStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemStorage.class);
    private static final String LOG_SUFFIX = ".log";

    private final OpenState state;
    private final TempArea temp;
    private final FileBlobStore blobs;
    private final FileRecordStore records;
    private final Path logDir;
    private final ConcurrentHashMap<String, FileAppendLog> logs = new ConcurrentHashMap<>();

    private FileSystemStorage(Path root, TempArea temp) {
        this.state = new OpenState(root);
        this.temp = temp;
        this.blobs = new FileBlobStore(root.resolve("blobs").resolve("sha256"), temp, state);
        this.records = new FileRecordStore(root.resolve("records"), root.resolve("records.lock"), temp, state);
        this.logDir = root.resolve("logs");
    }

    /** Opens the directory, creating it when absent, and opens every existing log to repair it. */
    static FileSystemStorage open(Path directory) {
        Path root;
        TempArea temp;
        try {
            FileSupport.createDirectoryDurably(directory);
            root = directory.toRealPath();
            for (String sub : new String[] {"blobs/sha256", "records", "logs"}) {
                FileSupport.createDirectoryDurably(root.resolve(sub));
            }
            temp = TempArea.open(root.resolve("tmp"));
        } catch (IOException e) {
            throw FileSupport.io("opening storage directory", directory, e);
        }
        FileSystemStorage storage = new FileSystemStorage(root, temp);
        try {
            storage.openExistingLogs();
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    @Override
    public BlobStore blobs() {
        state.check();
        return blobs;
    }

    @Override
    public RecordStore records() {
        state.check();
        return records;
    }

    @Override
    public AppendLog log(String name) {
        StorageNames.requireLogName(name);
        state.check();
        return logs.computeIfAbsent(name, n -> FileAppendLog.open(n, logDir, state));
    }

    @Override
    public void close() {
        if (!state.close()) {
            return;
        }
        for (FileAppendLog log : logs.values()) {
            try {
                log.close();
            } catch (IOException e) {
                LOG.warn("closing a log under {} failed: {}", state.root(), e.toString());
            }
        }
        try {
            temp.close();
        } catch (IOException e) {
            LOG.warn("removing temp files under {} failed; the next open removes them: {}", state.root(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "FileSystemStorage[" + state.root() + "]";
    }

    private void openExistingLogs() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logDir, "*" + LOG_SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                log(fileName.substring(0, fileName.length() - LOG_SUFFIX.length()));
            }
        } catch (IOException e) {
            throw FileSupport.io("listing logs in", logDir, e);
        }
    }
}
