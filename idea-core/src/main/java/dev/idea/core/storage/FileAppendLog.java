package dev.idea.core.storage;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append log kept in one file of checksummed frames, one frame per batch (see {@link LogFrames}).
 *
 * <p>An append holds an in-JVM lock and a {@link java.nio.channels.FileLock} on {@code <name>.lock},
 * catches up with frames other processes appended, checks the expected size, writes the frame at the
 * end, and forces the file before it returns. An in-memory index of entry offsets serves reads in
 * O(1); it is published only after a frame is durable, so readers never see part of a batch. When the
 * file has grown (another process appended), reads index the new complete frames first. Thread-safe.
 *
 * <p>Security guarantees: on open, an incomplete or failing last frame (a torn write that was never
 * acknowledged) is cut off with a warning; damage followed by valid frames fails with
 * {@code STORAGE_CORRUPT} naming the file and byte offset, so acknowledged entries are never dropped.
 */
final class FileAppendLog implements AppendLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileAppendLog.class);
    /** Most entries one log indexes in memory (12 bytes each). */
    static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private final String name;
    private final Path file;
    private final Path lockFile;
    private final OpenState state;
    private final ReentrantReadWriteLock index = new ReentrantReadWriteLock();
    private volatile FileChannel channel;
    // Guarded by index: entry i lies at offsets[i] .. offsets[i] + lengths[i]; end is the end of the last frame.
    private long[] offsets = new long[16];
    private int[] lengths = new int[16];
    private int count;
    private long end;
    /** Guarded by index: a frame of this instance is being written and is not yet durable. */
    private boolean writing;

    private FileAppendLog(String name, Path file, Path lockFile, OpenState state, FileChannel channel) {
        this.name = name;
        this.file = file;
        this.lockFile = lockFile;
        this.state = state;
        this.channel = channel;
    }

    /** Opens (creating when absent) the log file, repairs a torn tail and indexes every frame. */
    static FileAppendLog open(String name, Path dir, OpenState state) {
        Path file = dir.resolve(name + ".log");
        try {
            boolean existed = Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (!existed) {
                FileSupport.fsyncDirectory(dir);
            }
            FileAppendLog log = new FileAppendLog(name, file, dir.resolve(name + ".lock"), state, channel);
            try {
                FileSupport.withLock(log.lockFile, () -> {
                    log.catchUpLocked();
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return log;
        } catch (IOException e) {
            throw FileSupport.io("opening log \"" + name + "\" at", file, e);
        }
    }

    @Override
    public long size() {
        state.check();
        refresh();
        index.readLock().lock();
        try {
            return count;
        } finally {
            index.readLock().unlock();
        }
    }

    @Override
    public long append(long expectedSize, List<Bytes> entries) {
        int bodyLength = checkBatch(expectedSize, entries);
        state.check();
        try {
            return FileSupport.withLock(lockFile, () -> {
                catchUpLocked();
                long size = count;
                if (size != expectedSize) {
                    throw new StorageException(ErrorCode.STORAGE_CONFLICT, "log \"" + name + "\" has " + size
                            + " entries, not the expected " + expectedSize + "; read the new entries and retry");
                }
                if (size + entries.size() > MAX_ENTRIES) {
                    throw new StorageException(ErrorCode.STORAGE_IO, "log \"" + name + "\" at " + file + " holds " + size
                            + " entries and cannot index more than " + MAX_ENTRIES + "; start a new log");
                }
                write(entries, bodyLength);
                return (long) count;
            });
        } catch (IOException e) {
            throw failure("appending to log \"" + name + "\" at", e);
        }
    }

    @Override
    public List<Bytes> read(long fromIndex, int maxCount) {
        if (fromIndex < 0 || maxCount < 1) {
            throw new IllegalArgumentException("read(" + fromIndex + ", " + maxCount
                    + "): fromIndex must be >= 0 and maxCount >= 1");
        }
        state.check();
        refresh();
        long[] at;
        int[] len;
        index.readLock().lock();
        try {
            if (fromIndex > count) {
                throw new StorageException(ErrorCode.STORAGE_NOT_FOUND, "log \"" + name + "\" has " + count
                        + " entries; cannot read from index " + fromIndex + "; read from 0 to size()");
            }
            int from = (int) fromIndex;
            int to = (int) Math.min(count, fromIndex + maxCount);
            at = Arrays.copyOfRange(offsets, from, to);
            len = Arrays.copyOfRange(lengths, from, to);
        } finally {
            index.readLock().unlock();
        }
        List<Bytes> result = new ArrayList<>(at.length);
        for (int i = 0; i < at.length; i++) {
            result.add(readEntry(at[i], len[i]));
        }
        return List.copyOf(result);
    }

    /** Closes the file; later calls fail with {@code CLOSED} through the shared state. */
    void close() throws IOException {
        channel.close();
    }

    private static int checkBatch(long expectedSize, List<Bytes> entries) {
        Objects.requireNonNull(entries, "entries");
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must be >= 0, got " + expectedSize);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one entry; do not append empty batches");
        }
        for (int i = 0; i < entries.size(); i++) {
            Bytes entry = Objects.requireNonNull(entries.get(i), "entries[" + i + "]");
            if (entry.isEmpty() || entry.size() > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry " + i + " has " + entry.size() + " bytes; entries must be 1-"
                        + MAX_ENTRY_BYTES + " bytes (store larger content as a blob and log its digest)");
            }
        }
        int bodyLength = LogFrames.bodyLength(entries);
        if (bodyLength < 0) {
            throw new IllegalArgumentException("batch of " + entries.size() + " entries is larger than "
                    + LogFrames.MAX_BODY_BYTES + " bytes; split it into smaller batches");
        }
        return bodyLength;
    }

    /** Writes one frame at the end, forces it, then publishes its entries. Caller holds the log lock. */
    private void write(List<Bytes> entries, int bodyLength) throws IOException {
        ByteBuffer[] frame = LogFrames.encode(entries, bodyLength);
        long start = end;
        long total = LogFrames.HEADER_BYTES + (long) bodyLength;
        FileChannel ch = channel();
        setWriting(true);
        try {
            ch.position(start);
            long written = 0;
            while (written < total) {
                written += ch.write(frame);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            undo(ch, start);
            setWriting(false);
            throw e;
        }
        publish(LogFrames.layout(entries, start, bodyLength));
        setWriting(false);
    }

    private void setWriting(boolean value) {
        index.writeLock().lock();
        try {
            writing = value;
        } finally {
            index.writeLock().unlock();
        }
    }

    /** Cuts a failed append off; uses a fresh channel when an interrupt closed the shared one. */
    private void undo(FileChannel ch, long start) {
        try {
            if (ch.isOpen()) {
                ch.truncate(start);
                ch.force(true);
            } else {
                try (FileChannel fresh = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    fresh.truncate(start);
                    fresh.force(true);
                }
            }
        } catch (IOException suppressed) {
            // The next append or open finds the unacknowledged bytes past the last valid frame and cuts them off.
            LOG.warn("log {}: could not cut a failed append back to {} bytes: {}", file, start, suppressed.toString());
        }
    }

    /**
     * Indexes frames appended since the last look, repairing a torn tail or failing on corruption.
     * Caller holds the log lock, so no other writer is active.
     */
    private void catchUpLocked() throws IOException {
        FileChannel ch = channel();
        long fileSize = ch.size();
        if (fileSize < end) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "log \"" + name + "\" at " + file + " shrank to "
                    + fileSize + " bytes although " + end + " bytes were acknowledged; restore it from a backup");
        }
        long pos = end;
        while (pos < fileSize) {
            LogFrames.Frame frame = LogFrames.check(ch, pos, fileSize);
            if (frame.status != LogFrames.Status.VALID) {
                repairTail(ch, frame, fileSize);
                return;
            }
            publish(frame);
            pos = frame.end;
        }
    }

    private void repairTail(FileChannel ch, LogFrames.Frame bad, long fileSize) throws IOException {
        long next = LogFrames.findValidFrameAfter(ch, bad.offset, fileSize);
        if (next >= 0) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "log \"" + name + "\" at " + file
                    + " is corrupt at byte offset " + bad.offset + " (" + bad.problem + ") and a valid frame follows at "
                    + next + ", so this is not a torn write; restore the file from a backup");
        }
        ch.truncate(bad.offset);
        ch.force(true);
        LOG.warn("log {}: dropped a torn tail of {} bytes at offset {} ({}); it was never acknowledged",
                file, fileSize - bad.offset, bad.offset, bad.problem);
    }

    /** Indexes complete frames other processes appended, without the lock; stops at anything unfinished. */
    private void refresh() {
        try {
            FileChannel ch = channel();
            long fileSize = ch.size();
            if (fileSize <= currentEnd()) {
                return;
            }
            index.writeLock().lock();
            try {
                if (writing) {
                    return; // the frame being written is published once it is durable
                }
                long pos = end;
                while (pos < fileSize) {
                    LogFrames.Frame frame = LogFrames.check(ch, pos, fileSize);
                    if (frame.status != LogFrames.Status.VALID) {
                        return; // a writer is still busy, or the next locked open repairs it
                    }
                    publish(frame);
                    pos = frame.end;
                }
            } finally {
                index.writeLock().unlock();
            }
        } catch (IOException e) {
            throw failure("checking log \"" + name + "\" for new entries at", e);
        }
    }

    private long currentEnd() {
        index.readLock().lock();
        try {
            return end;
        } finally {
            index.readLock().unlock();
        }
    }

    private void publish(LogFrames.Frame frame) {
        index.writeLock().lock();
        try {
            if (frame.offset != end) {
                return; // already indexed by a concurrent refresh
            }
            int n = frame.entryOffsets.length;
            if (count + n > offsets.length) {
                int capacity = Math.max(offsets.length * 2, count + n);
                offsets = Arrays.copyOf(offsets, capacity);
                lengths = Arrays.copyOf(lengths, capacity);
            }
            System.arraycopy(frame.entryOffsets, 0, offsets, count, n);
            System.arraycopy(frame.entryLengths, 0, lengths, count, n);
            count += n;
            end = frame.end;
        } finally {
            index.writeLock().unlock();
        }
    }

    private Bytes readEntry(long offset, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            if (!FileSupport.readFully(channel(), buffer, offset)) {
                throw new StorageException(ErrorCode.STORAGE_CORRUPT, "log \"" + name + "\" at " + file
                        + " ends before the acknowledged entry at byte offset " + offset + "; restore it from a backup");
            }
        } catch (IOException e) {
            throw failure("reading log \"" + name + "\" at", e);
        }
        return Bytes.of(buffer.array());
    }

    /** Returns the channel, reopening it when an interrupted thread closed it under a still-open storage. */
    private FileChannel channel() throws IOException {
        FileChannel ch = channel;
        if (ch.isOpen()) {
            return ch;
        }
        synchronized (this) {
            state.check();
            if (!channel.isOpen()) {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            return channel;
        }
    }

    private RuntimeException failure(String what, IOException e) {
        if (e instanceof ClosedChannelException) {
            state.check();
        }
        return FileSupport.io(what, file, e);
    }
}
