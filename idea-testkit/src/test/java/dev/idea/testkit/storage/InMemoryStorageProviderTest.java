package dev.idea.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InMemoryStorageProviderTest {
    private static final StorageContext CONTEXT =
            new StorageContext(Map.of(), null, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private final InMemoryStorageProvider provider = new InMemoryStorageProvider();

    @Test
    void id_always_isMemory() {
        assertEquals("memory", provider.id());
    }

    @Test
    void serviceLoader_classPath_findsProviderById() {
        assertTrue(ServiceLoader.load(StorageProvider.class).stream()
                .anyMatch(p -> p.type() == InMemoryStorageProvider.class));
    }

    @Test
    void failNextWrite_blobPut_throwsIoAndStoresNothing() {
        try (Storage storage = provider.open(CONTEXT)) {
            provider.failNextWrite();
            Bytes content = Bytes.utf8("blob");
            assertIo(() -> storage.blobs().put(content));
            assertFalse(storage.blobs().contains(Digest.sha256(content)));
            assertEquals(Digest.sha256(content), storage.blobs().put(content));
        }
    }

    @Test
    void failNextWrite_recordCompareAndSet_throwsIoAndKeepsOldVersion() {
        try (Storage storage = provider.open(CONTEXT)) {
            storage.records().compareAndSet("k", 0, Bytes.utf8("one"));
            provider.failNextWrite();
            assertIo(() -> storage.records().compareAndSet("k", 1, Bytes.utf8("two")));
            assertEquals(1, storage.records().get("k").orElseThrow().version());
            assertEquals(2, storage.records().compareAndSet("k", 1, Bytes.utf8("two")));
        }
    }

    @Test
    void failNextWrite_append_throwsIoAndAppendsNothing() {
        try (Storage storage = provider.open(CONTEXT)) {
            provider.failNextWrite();
            assertIo(() -> storage.log("audit").append(0, List.of(Bytes.utf8("a"), Bytes.utf8("b"))));
            assertEquals(0, storage.log("audit").size());
            assertEquals(1, storage.log("audit").append(0, List.of(Bytes.utf8("a"))));
        }
    }

    @Test
    void failNextWrite_conflictingAppend_conflictWinsAndFailureStaysArmed() {
        try (Storage storage = provider.open(CONTEXT)) {
            provider.failNextWrite();
            StorageException conflict = assertThrows(StorageException.class,
                    () -> storage.log("audit").append(5, List.of(Bytes.utf8("a"))));
            assertEquals(ErrorCode.STORAGE_CONFLICT, conflict.errorCode());
            assertIo(() -> storage.log("audit").append(0, List.of(Bytes.utf8("a"))));
        }
    }

    @Test
    void open_sameProviderTwice_sharesContent() {
        Digest digest;
        try (Storage first = provider.open(CONTEXT)) {
            digest = first.blobs().put(Bytes.utf8("kept"));
        }
        try (Storage second = provider.open(CONTEXT)) {
            assertEquals(Optional.of(Bytes.utf8("kept")), second.blobs().get(digest));
        }
        try (Storage other = new InMemoryStorageProvider().open(CONTEXT)) {
            assertFalse(other.blobs().contains(digest));
        }
    }

    @Test
    void blobGet_sha512Digest_throwsKeyInvalid() {
        try (Storage storage = provider.open(CONTEXT)) {
            Digest sha512 = Digest.parse("sha512:" + "ab".repeat(64));
            StorageException e = assertThrows(StorageException.class, () -> storage.blobs().get(sha512));
            assertEquals(ErrorCode.STORAGE_KEY_INVALID, e.errorCode());
        }
    }

    private static void assertIo(org.junit.jupiter.api.function.Executable action) {
        StorageException e = assertThrows(StorageException.class, action);
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode(), e.getMessage());
    }
}
