package dev.idea.core.storage;

import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Static helpers for durable file operations: directory fsync, atomic publish, full reads and
 * writes, and locks that exclude both other threads of this JVM and other processes.
 */
final class FileSupport {
    /** One lock per lock file for the whole JVM, so that two storages on one directory exclude each other. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final boolean WINDOWS = File.separatorChar == '\\';

    private FileSupport() {
    }

    /** An action on files that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    static StorageException io(String what, Path path, IOException e) {
        return new StorageException(ErrorCode.STORAGE_IO, what + " " + path + " failed (" + e
                + "); check that the directory exists, is writable and the disk is not full", e);
    }

    /**
     * Runs an action while holding the JVM-wide lock and an exclusive {@link FileLock} on a lock file.
     *
     * <p>The lock file's channel is opened and closed inside the JVM-wide lock: on POSIX systems closing
     * any channel of a file drops every lock the process holds on it, so no other channel of this JVM may
     * be open on the file at the same time.
     */
    static <T> T withLock(Path lockFile, IoAction<T> action) throws IOException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return action.run();
            } finally {
                lock.release();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /** Makes a directory's entries (created, renamed or deleted files) durable. */
    static void fsyncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return; // NTFS journals directory changes; Windows cannot open a directory as a channel.
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates a directory (and parents) and makes its creation durable. */
    static void createDirectoryDurably(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectoryDurably(parent);
        }
        Files.createDirectories(dir);
        if (parent != null) {
            fsyncDirectory(parent);
        }
    }

    /** Moves a fully written and synced temp file into place atomically and syncs the target directory. */
    static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
    }

    /** Writes a whole buffer to a fresh file, then forces it to the medium. */
    static void writeSynced(Path file, ByteBuffer content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
        }
    }

    /**
     * Reads exactly {@code dst.remaining()} bytes at a position.
     *
     * @return false when the file ended first
     */
    static boolean readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                return false;
            }
            pos += n;
        }
        return true;
    }
}
