package dev.idea.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAppendLogRecoveryTest {
    @TempDir
    Path tempDir;

    private final FileSystemStorageProvider provider = new FileSystemStorageProvider();

    @Test
    void open_lastFrameCutMidway_dropsOnlyTheTornBatch() throws IOException {
        long[] ends = writeBatches(3);
        Path file = logFile();
        for (long cut : new long[] {ends[1] + 1, ends[1] + LogFrames.HEADER_BYTES, ends[2] - 1}) {
            truncate(file, cut);
            assertEntries(2);
            assertEquals(ends[1], Files.size(file), "torn tail cut off");
            appendBatch(2);
            assertEquals(ends[2], Files.size(file));
        }
    }

    @Test
    void open_lastFrameWithFlippedCrcByte_dropsTheLastBatch() throws IOException {
        long[] ends = writeBatches(3);
        flip(logFile(), ends[1] + 8);
        assertEntries(2);
        assertEquals(ends[1], Files.size(logFile()));
    }

    @Test
    void open_lastFrameWithFlippedPayloadByte_dropsTheLastBatch() throws IOException {
        long[] ends = writeBatches(3);
        flip(logFile(), ends[2] - 2);
        assertEntries(2);
    }

    @Test
    void open_garbageAppendedAfterLastFrame_dropsGarbageKeepsEverything() throws IOException {
        long[] ends = writeBatches(3);
        append(logFile(), "this is not a frame, just bytes left by something".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEntries(3);
        assertEquals(ends[2], Files.size(logFile()));
    }

    @Test
    void open_zeroFilledTail_dropsZeros() throws IOException {
        long[] ends = writeBatches(2);
        append(logFile(), new byte[4096]);
        assertEntries(2);
        assertEquals(ends[1], Files.size(logFile()));
    }

    @Test
    void open_garbageInTheMiddle_throwsCorruptNamingFileAndOffset() throws IOException {
        long[] ends = writeBatches(3);
        flip(logFile(), ends[0] + 20);
        long before = Files.size(logFile());
        StorageException e = assertThrows(StorageException.class, () -> provider.open(context()).close());
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        assertTrue(e.getMessage().contains(logFile().getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset " + ends[0]), e.getMessage());
        assertEquals(before, Files.size(logFile()), "nothing truncated");
    }

    @Test
    void open_overwrittenMagicInTheMiddle_throwsCorrupt() throws IOException {
        long[] ends = writeBatches(3);
        flip(logFile(), ends[0]);
        StorageException e = assertThrows(StorageException.class, () -> provider.open(context()).close());
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
    }

    @Test
    void append_otherStorageOnSameDirectoryAppended_catchesUpAndConflicts() {
        try (Storage first = provider.open(context()); Storage second = provider.open(context())) {
            AppendLog a = first.log("audit");
            AppendLog b = second.log("audit");
            a.append(0, batch(0));
            assertEquals(batch(0), b.read(0, 10));
            StorageException e = assertThrows(StorageException.class, () -> b.append(0, batch(1)));
            assertEquals(ErrorCode.STORAGE_CONFLICT, e.errorCode());
            assertEquals(6, b.append(3, batch(1)));
            assertEquals(6, a.size());
            assertEquals(batch(1), a.read(3, 10));
        }
    }

    private long[] writeBatches(int count) throws IOException {
        long[] ends = new long[count];
        try (Storage storage = provider.open(context())) {
            AppendLog log = storage.log("audit");
            for (int i = 0; i < count; i++) {
                log.append(log.size(), batch(i));
                ends[i] = Files.size(logFile());
            }
        }
        return ends;
    }

    private void appendBatch(int index) {
        try (Storage storage = provider.open(context())) {
            AppendLog log = storage.log("audit");
            log.append(log.size(), batch(index));
        }
    }

    private void assertEntries(int batches) {
        try (Storage storage = provider.open(context())) {
            List<Bytes> expected = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                expected.addAll(batch(i));
            }
            assertEquals(expected, storage.log("audit").read(0, 100));
        }
    }

    private static List<Bytes> batch(int index) {
        return List.of(Bytes.utf8("batch " + index + " entry 0"), Bytes.utf8("batch " + index + " entry 1"),
                Bytes.utf8("batch " + index + " entry 2 " + "x".repeat(index * 10)));
    }

    private StorageContext context() {
        return new StorageContext(java.util.Map.of(), tempDir, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private Path logFile() {
        return tempDir.resolve("storage").resolve("logs").resolve("audit.log");
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            ch.write(one, offset);
        }
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }
}
