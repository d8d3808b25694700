package dev.idea.core.storage;

import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A private directory for the temp files of one open storage, under {@code <root>/tmp/<session>}.
 *
 * <p>The session holds a {@link FileLock} on {@code <session>/.lock} while it is open. On open, the
 * temp directories of sessions whose lock is free (their process died) are deleted; the directories of
 * live sessions, in this JVM or another process, are left alone. Temp files live outside the blob,
 * record and log directories, so they are never mistaken for data. Thread-safe.
 */
final class TempArea implements AutoCloseable {
    private static final String LOCK_NAME = ".lock";
    /** Sessions open in this JVM: never probed, because closing a probe channel would drop their lock. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel lockChannel;

    private TempArea(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    static TempArea open(Path tmpRoot) throws IOException {
        FileSupport.createDirectoryDurably(tmpRoot);
        removeAbandoned(tmpRoot);
        Path dir = tmpRoot.resolve(UUID.randomUUID().toString());
        Files.createDirectory(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_NAME), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new StorageException(ErrorCode.STORAGE_IO, "cannot lock fresh temp directory " + dir);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        LIVE.add(dir);
        return new TempArea(dir, channel);
    }

    /** Returns a new, not yet existing path for a temp file. */
    Path newFile(String prefix) {
        return dir.resolve(prefix + UUID.randomUUID() + ".tmp");
    }

    @Override
    public void close() throws IOException {
        LIVE.remove(dir);
        lockChannel.close();
        deleteTree(dir);
    }

    private static void removeAbandoned(Path tmpRoot) throws IOException {
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(tmpRoot)) {
            for (Path session : sessions) {
                if (!LIVE.contains(session) && isAbandoned(session)) {
                    deleteTree(session);
                }
            }
        }
    }

    private static boolean isAbandoned(Path session) throws IOException {
        if (!Files.isDirectory(session)) {
            return true;
        }
        Path lockFile = session.resolve(LOCK_NAME);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
