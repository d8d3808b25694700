package dev.idea.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStorageProviderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    @TempDir
    Path tempDir;

    private final FileSystemStorageProvider provider = new FileSystemStorageProvider();

    @Test
    void id_always_isFilesystem() {
        assertEquals("filesystem", provider.id());
    }

    @Test
    void serviceLoader_classPath_findsProvider() {
        assertTrue(ServiceLoader.load(StorageProvider.class).stream()
                .anyMatch(p -> p.type() == FileSystemStorageProvider.class));
    }

    @Test
    void open_noDirectoryConfigured_throwsConfigInvalidNamingBothFixes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(new StorageContext(Map.of(), null, CLOCK)));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("dataDirectory(...)"), e.getMessage());
        assertTrue(e.getMessage().contains(FileSystemStorageProvider.DIRECTORY_PROPERTY), e.getMessage());
    }

    @Test
    void open_directorySetting_winsOverDataDirectory() {
        Path configured = tempDir.resolve("configured");
        try (Storage storage = provider.open(new StorageContext(
                Map.of(FileSystemStorageProvider.DIRECTORY_PROPERTY, configured.toString()), tempDir.resolve("data"), CLOCK))) {
            storage.blobs().put(Bytes.utf8("x"));
        }
        assertTrue(Files.isDirectory(configured.resolve("blobs")));
        assertFalse(Files.exists(tempDir.resolve("data")));
    }

    @Test
    void open_dataDirectoryOnly_usesStorageSubdirectory() {
        try (Storage storage = provider.open(context())) {
            Digest digest = storage.blobs().put(Bytes.utf8("abc"));
            String hex = digest.hex();
            assertTrue(Files.isRegularFile(root().resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex)));
        }
    }

    @Test
    void open_directoryIsAFile_throwsStorageIo() throws IOException {
        Files.writeString(tempDir.resolve("storage"), "not a directory");
        StorageException e = assertThrows(StorageException.class, () -> provider.open(context()));
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode());
    }

    @Test
    void open_abandonedTempFiles_areRemovedAndLiveSessionsKept() throws IOException {
        try (Storage live = provider.open(context())) {
            Path abandoned = root().resolve("tmp").resolve("dead-session");
            Files.createDirectories(abandoned);
            Files.writeString(abandoned.resolve("blob-1.tmp"), "half a blob");
            Files.writeString(abandoned.resolve(".lock"), "");
            try (Storage second = provider.open(context())) {
                assertFalse(Files.exists(abandoned));
                try (Stream<Path> sessions = Files.list(root().resolve("tmp"))) {
                    assertEquals(2, sessions.count(), "both live sessions kept");
                }
                live.blobs().put(Bytes.utf8("still works"));
                second.blobs().put(Bytes.utf8("also works"));
            }
        }
        try (Stream<Path> sessions = Files.list(root().resolve("tmp"))) {
            assertEquals(0, sessions.count(), "closed sessions remove their temp directory");
        }
    }

    @Test
    void blobGet_fileChangedOnDisk_throwsCorrupt() throws IOException {
        try (Storage storage = provider.open(context())) {
            Digest digest = storage.blobs().put(Bytes.utf8("original"));
            Files.writeString(root().resolve("blobs/sha256/" + digest.hex().substring(0, 2) + "/" + digest.hex()), "tampered");
            StorageException e = assertThrows(StorageException.class, () -> storage.blobs().get(digest));
            assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        }
    }

    @Test
    void blobGet_sha512Digest_throwsKeyInvalid() {
        try (Storage storage = provider.open(context())) {
            Digest sha512 = Digest.parse("sha512:" + "ab".repeat(64));
            StorageException e = assertThrows(StorageException.class, () -> storage.blobs().contains(sha512));
            assertEquals(ErrorCode.STORAGE_KEY_INVALID, e.errorCode());
        }
    }

    @Test
    void recordGet_fileDamaged_throwsCorruptNamingFile() throws IOException {
        try (Storage storage = provider.open(context())) {
            storage.records().compareAndSet("release/1", 0, Bytes.utf8("value"));
            Path file;
            try (Stream<Path> files = Files.walk(root().resolve("records"))) {
                file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            }
            byte[] data = Files.readAllBytes(file);
            data[data.length - 6] ^= 1;
            Files.write(file, data);
            StorageException e = assertThrows(StorageException.class, () -> storage.records().get("release/1"));
            assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void recordCompareAndSet_twoStoragesOnSameDirectory_secondWriterConflicts() {
        try (Storage first = provider.open(context()); Storage second = provider.open(context())) {
            first.records().compareAndSet("k", 0, Bytes.utf8("first"));
            StorageException e = assertThrows(StorageException.class,
                    () -> second.records().compareAndSet("k", 0, Bytes.utf8("second")));
            assertEquals(ErrorCode.STORAGE_CONFLICT, e.errorCode());
            assertEquals(2, second.records().compareAndSet("k", 1, Bytes.utf8("second")));
            assertEquals(Bytes.utf8("second"), first.records().get("k").orElseThrow().value());
            assertEquals(List.of("k"), second.records().keys(""));
        }
    }

    @Test
    void blobPut_afterWrites_leavesNoTempFiles() throws IOException {
        try (Storage storage = provider.open(context())) {
            storage.blobs().put(Bytes.utf8("a"));
            storage.blobs().put(Bytes.utf8("a"));
            storage.blobs().put(Bytes.utf8("b").openStream());
            storage.records().compareAndSet("k", 0, Bytes.utf8("v"));
            try (Stream<Path> files = Files.walk(root().resolve("tmp"))) {
                assertEquals(List.of(".lock"), files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString()).toList());
            }
        }
    }

    private StorageContext context() {
        return new StorageContext(Map.of(), tempDir, CLOCK);
    }

    private Path root() {
        return tempDir.resolve("storage");
    }
}
