package dev.idea.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.IdeaException;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.BlobStore;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import dev.idea.spi.storage.VersionedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility kit every {@link StorageProvider} must pass: blobs, compare-and-set records,
 * conditional append logs, concurrency and durability across close and reopen.
 *
 * <p>A plugin author adds {@code idea-testkit} as a test dependency and extends this class in a test
 * of their adapter:
 *
 * <pre>{@code
 * class JdbcStorageProviderContractTest extends StorageProviderContractTest {
 *     @Override protected StorageProvider provider() { return new JdbcStorageProvider(); }
 *     @Override protected StorageContext context(Path tempDir) {
 *         return new StorageContext(Map.of("idea.storage.jdbc.url", url()), tempDir, Clock.systemUTC());
 *     }
 * }
 * }</pre>
 *
 * <p>Before each test the kit calls {@link #provider()} once and opens a storage with
 * {@link #context(Path)}; after each test it closes every storage it opened. Each test gets a fresh
 * JUnit temp directory, so a provider that keeps its data under that directory starts empty; a provider
 * backed by a server must give each test an empty namespace (for example a schema named after the temp
 * directory). The durability test closes the storage and opens a new one from the <em>same provider
 * instance</em> and context; override {@link #survivesReopen()} to return false for a provider that
 * forgets everything on close.
 *
 * <p>What the kit holds a provider to, beyond the SPI javadoc: argument errors in appends (empty batch,
 * empty or oversize entry) and negative indexes throw {@link IllegalArgumentException} before anything
 * is written; reading past the end of a log throws {@code STORAGE_NOT_FOUND}; use after close throws
 * {@code CLOSED}. The concurrency tests use threads of one JVM and assert outcomes, never timings.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 *
 * @since 0.1
 */
public abstract class StorageProviderContractTest {
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String SHA256_ABC = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-256 of the empty string, FIPS 180-4 example values. */
    private static final String SHA256_EMPTY = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path tempDir;

    private StorageProvider provider;
    private final List<Storage> opened = new ArrayList<>();
    private Storage storage;

    /** Creates the kit; subclasses are instantiated by JUnit. */
    protected StorageProviderContractTest() {
        // Fields are set up in openStorage().
    }

    /**
     * Returns a new provider instance under test; called once per test.
     *
     * @return the provider
     */
    protected abstract StorageProvider provider();

    /**
     * Returns the context to open the provider with.
     *
     * @param tempDir a fresh, empty directory for this test
     * @return the context; opening it twice must reach the same data when {@link #survivesReopen()}
     */
    protected abstract StorageContext context(Path tempDir);

    /**
     * Tells whether data written before {@link Storage#close()} is there after opening again.
     *
     * @return true unless the provider forgets everything on close
     */
    protected boolean survivesReopen() {
        return true;
    }

    @BeforeEach
    final void openStorage() {
        provider = provider();
        assertNotNull(provider, "provider() returned null");
        storage = open();
    }

    @AfterEach
    final void closeStorages() {
        for (Storage s : opened) {
            s.close();
        }
    }

    /**
     * Returns the storage opened for the current test.
     *
     * @return the open storage
     */
    protected final Storage storage() {
        return storage;
    }

    private Storage open() {
        Storage s = provider.open(context(tempDir));
        assertNotNull(s, "open() returned null");
        opened.add(s);
        return s;
    }

    // ---- blobs -------------------------------------------------------------------------------

    @Test
    void blobPut_knownContent_returnsItsSha256() {
        assertEquals(Digest.parse(SHA256_ABC), storage.blobs().put(Bytes.utf8("abc")));
        assertEquals(Digest.parse(SHA256_EMPTY), storage.blobs().put(Bytes.empty()));
    }

    @Test
    void blobGet_afterPut_returnsSameBytesAndContainsIsTrue() throws IOException {
        BlobStore blobs = storage.blobs();
        Bytes content = pattern(10_000, 7);
        Digest digest = blobs.put(content);
        assertEquals(Digest.sha256(content), digest);
        assertTrue(blobs.contains(digest));
        assertEquals(Optional.of(content), blobs.get(digest));
        try (InputStream in = blobs.open(digest).orElseThrow()) {
            assertEquals(content, Bytes.of(in.readAllBytes()));
        }
    }

    @Test
    void blobGet_unknownDigest_returnsEmpty() {
        Digest unknown = Digest.sha256(Bytes.utf8("never stored"));
        assertFalse(storage.blobs().contains(unknown));
        assertEquals(Optional.empty(), storage.blobs().get(unknown));
        assertEquals(Optional.empty(), storage.blobs().open(unknown));
    }

    @Test
    void blobPut_sameContentTwice_returnsSameDigestAndKeepsContent() {
        Bytes content = Bytes.utf8("idempotent");
        Digest first = storage.blobs().put(content);
        Digest second = storage.blobs().put(content);
        assertEquals(first, second);
        assertEquals(Optional.of(content), storage.blobs().get(first));
        assertEquals(first, storage.blobs().put(content.openStream()));
    }

    @Test
    void blobPutStream_severalMegabytes_storesContentUnderItsDigest() throws IOException {
        long length = 5L * 1024 * 1024 + 123;
        MessageDigest expected = HashAlgorithm.SHA_256.newMessageDigest();
        try (InputStream in = new PatternStream(length, 11)) {
            Digest digest = storage.blobs().put(in);
            try (InputStream generated = new PatternStream(length, 11)) {
                expected.update(generated.readAllBytes());
            }
            assertEquals(Digest.ofSha256(expected.digest()), digest);
            MessageDigest actual = HashAlgorithm.SHA_256.newMessageDigest();
            long read = 0;
            try (InputStream stored = storage.blobs().open(digest).orElseThrow()) {
                byte[] buffer = new byte[65536];
                for (int n = stored.read(buffer); n >= 0; n = stored.read(buffer)) {
                    actual.update(buffer, 0, n);
                    read += n;
                }
            }
            assertEquals(length, read);
            assertEquals(digest, Digest.ofSha256(actual.digest()));
        }
    }

    // ---- records -----------------------------------------------------------------------------

    @Test
    void recordCompareAndSet_expectedZeroOnAbsentKey_createsVersionOne() {
        RecordStore records = storage.records();
        assertEquals(Optional.empty(), records.get("targets/payments-api"));
        assertEquals(1, records.compareAndSet("targets/payments-api", 0, Bytes.utf8("v1")));
        assertEquals(Optional.of(new VersionedRecord("targets/payments-api", 1, Bytes.utf8("v1"))),
                records.get("targets/payments-api"));
    }

    @Test
    void recordCompareAndSet_currentVersion_incrementsVersionByOne() {
        RecordStore records = storage.records();
        for (long v = 0; v < 5; v++) {
            assertEquals(v + 1, records.compareAndSet("counter", v, Bytes.utf8("value " + v)));
            VersionedRecord read = records.get("counter").orElseThrow();
            assertEquals(v + 1, read.version());
            assertEquals(Bytes.utf8("value " + v), read.value());
        }
    }

    @Test
    void recordCompareAndSet_staleOrFutureVersion_throwsConflictAndWritesNothing() {
        RecordStore records = storage.records();
        records.compareAndSet("k", 0, Bytes.utf8("one"));
        records.compareAndSet("k", 1, Bytes.utf8("two"));
        for (long wrong : new long[] {0, 1, 3, 100}) {
            assertCode(ErrorCode.STORAGE_CONFLICT, () -> records.compareAndSet("k", wrong, Bytes.utf8("lost")));
        }
        assertEquals(new VersionedRecord("k", 2, Bytes.utf8("two")), records.get("k").orElseThrow());
        assertCode(ErrorCode.STORAGE_CONFLICT, () -> records.compareAndSet("absent", 1, Bytes.utf8("x")));
        assertEquals(Optional.empty(), records.get("absent"));
    }

    @Test
    void recordKeys_prefix_returnsMatchingKeysInAscendingOrder() {
        RecordStore records = storage.records();
        List<String> keys = List.of("b/2", "a/10", "a/2", "A", "a-b", "a/1", "a.b", "ab", "a/1/x", "c");
        for (String key : keys) {
            records.compareAndSet(key, 0, Bytes.utf8(key));
        }
        assertEquals(List.of("a/1", "a/1/x", "a/10", "a/2"), records.keys("a/"));
        assertEquals(List.of("A", "a-b", "a.b", "a/1", "a/1/x", "a/10", "a/2", "ab", "b/2", "c"), records.keys(""));
        assertEquals(List.of(), records.keys("zzz"));
    }

    @Test
    void recordKeys_invalidKeys_throwKeyInvalid() {
        RecordStore records = storage.records();
        List<String> invalid = List.of("", "/a", "a/", "a//b", ".", "..", "./a", "a/../b", "a b", "ä", "a:b",
                "x".repeat(513));
        for (String key : invalid) {
            assertCode(ErrorCode.STORAGE_KEY_INVALID, () -> records.compareAndSet(key, 0, Bytes.utf8("x")));
            assertCode(ErrorCode.STORAGE_KEY_INVALID, () -> records.get(key));
        }
        assertEquals(List.of(), records.keys(""));
        String longest = "x".repeat(512);
        assertEquals(1, records.compareAndSet(longest, 0, Bytes.utf8("ok")));
        assertEquals(List.of(longest), records.keys(""));
    }

    @Test
    void recordCompareAndSet_keysDifferingOnlyInCase_areDistinct() {
        RecordStore records = storage.records();
        records.compareAndSet("Key", 0, Bytes.utf8("upper"));
        records.compareAndSet("key", 0, Bytes.utf8("lower"));
        assertEquals(Bytes.utf8("upper"), records.get("Key").orElseThrow().value());
        assertEquals(Bytes.utf8("lower"), records.get("key").orElseThrow().value());
    }

    // ---- logs --------------------------------------------------------------------------------

    @Test
    void logAppend_toEmptyLog_returnsNewSizeAndReadsBack() {
        AppendLog log = storage.log("audit");
        assertEquals(0, log.size());
        assertEquals(List.of(), log.read(0, 10));
        assertEquals(2, log.append(0, List.of(Bytes.utf8("e0"), Bytes.utf8("e1"))));
        assertEquals(3, log.append(2, List.of(Bytes.utf8("e2"))));
        assertEquals(3, log.size());
        assertEquals(utf8("e0", "e1", "e2"), log.read(0, 10));
    }

    @Test
    void logRead_ranges_returnAtMostMaxCountFromIndex() {
        AppendLog log = storage.log("ranges");
        log.append(0, utf8("e0", "e1", "e2", "e3", "e4"));
        assertEquals(utf8("e0", "e1"), log.read(0, 2));
        assertEquals(utf8("e2", "e3", "e4"), log.read(2, 100));
        assertEquals(utf8("e4"), log.read(4, 1));
        assertEquals(List.of(), log.read(5, 1));
        assertCode(ErrorCode.STORAGE_NOT_FOUND, () -> log.read(6, 1));
        assertThrows(IllegalArgumentException.class, () -> log.read(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> log.read(0, 0));
    }

    @Test
    void logAppend_wrongExpectedSize_throwsConflictAndWritesNothing() {
        AppendLog log = storage.log("conflict");
        log.append(0, utf8("a", "b"));
        for (long wrong : new long[] {0, 1, 3, 1000}) {
            assertCode(ErrorCode.STORAGE_CONFLICT, () -> log.append(wrong, utf8("lost")));
        }
        assertEquals(2, log.size());
        assertEquals(utf8("a", "b"), log.read(0, 10));
    }

    @Test
    void logAppend_batchWithOneBadEntry_writesNoEntryOfTheBatch() {
        AppendLog log = storage.log("batch");
        log.append(0, utf8("a"));
        List<Bytes> withEmpty = List.of(Bytes.utf8("ok"), Bytes.empty());
        assertThrows(IllegalArgumentException.class, () -> log.append(1, withEmpty));
        List<Bytes> withOversize = List.of(Bytes.utf8("ok"), Bytes.of(new byte[AppendLog.MAX_ENTRY_BYTES + 1]));
        assertThrows(IllegalArgumentException.class, () -> log.append(1, withOversize));
        assertEquals(1, log.size());
        assertEquals(utf8("a"), log.read(0, 10));
    }

    @Test
    void logAppend_emptyBatchOrEmptyOrOversizeEntry_isRefused() {
        AppendLog log = storage.log("limits");
        assertThrows(IllegalArgumentException.class, () -> log.append(0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> log.append(0, List.of(Bytes.empty())));
        assertThrows(IllegalArgumentException.class,
                () -> log.append(0, List.of(Bytes.of(new byte[AppendLog.MAX_ENTRY_BYTES + 1]))));
        assertEquals(0, log.size());
    }

    @Test
    void logAppend_entryOfMaximumSize_isStoredWhole() {
        AppendLog log = storage.log("largest");
        Bytes largest = pattern(AppendLog.MAX_ENTRY_BYTES, 3);
        assertEquals(1, log.append(0, List.of(largest)));
        assertEquals(List.of(largest), log.read(0, 1));
    }

    @Test
    void log_invalidName_throwsKeyInvalid() {
        List<String> invalid = List.of("", "Audit", "-audit", "a_b", "a/b", "a.b", "..", "a b", "x".repeat(65));
        for (String name : invalid) {
            assertCode(ErrorCode.STORAGE_KEY_INVALID, () -> storage.log(name));
        }
        assertEquals(0, storage.log("x".repeat(64)).size());
        assertEquals(0, storage.log("0-audit-log").size());
    }

    @Test
    void log_differentNames_areIndependentAndSameNameSharesEntries() {
        storage.log("one").append(0, utf8("a"));
        storage.log("two").append(0, utf8("b", "c"));
        assertEquals(utf8("a"), storage.log("one").read(0, 10));
        assertEquals(utf8("b", "c"), storage.log("two").read(0, 10));
        AppendLog first = storage.log("one");
        AppendLog second = storage.log("one");
        first.append(1, utf8("d"));
        assertEquals(2, second.size());
        assertEquals(utf8("a", "d"), second.read(0, 10));
    }

    // ---- concurrency -------------------------------------------------------------------------

    @Test
    void logAppend_eightThreadsRetryingOnConflict_storeEveryEntryExactlyOnce() throws Exception {
        final int threads = 8;
        final int perThread = 200;
        AppendLog log = storage.log("race");
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    Bytes entry = Bytes.utf8("t" + thread + "-" + i);
                    while (true) {
                        long size = log.size();
                        try {
                            log.append(size, List.of(entry));
                            break;
                        } catch (StorageException e) {
                            if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                                throw e;
                            }
                        }
                    }
                }
            });
        }
        runConcurrently(tasks);
        assertEquals(threads * perThread, log.size());
        List<Bytes> all = readAll(log);
        assertEquals(threads * perThread, all.size());
        Set<String> distinct = new HashSet<>();
        int[] next = new int[threads];
        for (Bytes b : all) {
            String s = b.utf8String();
            assertTrue(distinct.add(s), "duplicate entry " + s);
            int dash = s.indexOf('-');
            int thread = Integer.parseInt(s.substring(1, dash));
            assertEquals(next[thread]++, Integer.parseInt(s.substring(dash + 1)), "entries of thread " + thread + " out of order");
        }
    }

    @Test
    void logRead_duringConcurrentBatchAppends_neverSeesPartOfABatch() throws Exception {
        final int batchSize = 5;
        final int batches = 150;
        AppendLog log = storage.log("batches");
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Task> tasks = new ArrayList<>();
        tasks.add(() -> {
            try {
                for (int b = 0; b < batches; b++) {
                    List<Bytes> batch = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++) {
                        batch.add(Bytes.utf8(b + ":" + i));
                    }
                    log.append((long) b * batchSize, batch);
                }
            } finally {
                done.set(true);
            }
        });
        for (int r = 0; r < 3; r++) {
            tasks.add(() -> {
                long last = 0;
                while (!done.get()) {
                    long size = log.size();
                    if (size % batchSize != 0 || size < last) {
                        problems.add("size " + size + " after " + last);
                    }
                    last = size;
                    List<Bytes> read = log.read(0, Integer.MAX_VALUE);
                    if (read.size() % batchSize != 0 || read.size() < size) {
                        problems.add("read " + read.size() + " entries when size was " + size);
                    }
                }
            });
        }
        runConcurrently(tasks);
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals((long) batches * batchSize, log.size());
    }

    @Test
    void recordCompareAndSet_eightThreadsIncrementing_loseNoUpdate() throws Exception {
        RecordStore records = storage.records();
        records.compareAndSet("counter", 0, Bytes.utf8("0"));
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> {
                for (int i = 0; i < 25; i++) {
                    while (true) {
                        VersionedRecord current = records.get("counter").orElseThrow();
                        long next = Long.parseLong(current.value().utf8String()) + 1;
                        try {
                            records.compareAndSet("counter", current.version(), Bytes.utf8(Long.toString(next)));
                            break;
                        } catch (StorageException e) {
                            if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                                throw e;
                            }
                        }
                    }
                }
            });
        }
        runConcurrently(tasks);
        VersionedRecord last = records.get("counter").orElseThrow();
        assertEquals(201, last.version());
        assertEquals("200", last.value().utf8String());
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Test
    void reopen_afterClose_everythingAcknowledgedIsPresent() {
        assumeTrue(survivesReopen(), "provider does not keep data across close()");
        Bytes blob = pattern(100_000, 5);
        Digest digest = storage.blobs().put(blob);
        storage.records().compareAndSet("release/1", 0, Bytes.utf8("first"));
        storage.records().compareAndSet("release/1", 1, Bytes.utf8("second"));
        storage.log("audit").append(0, utf8("e0", "e1"));
        storage.log("audit").append(2, utf8("e2"));
        storage.log("empty");
        storage.close();

        Storage reopened = open();
        assertEquals(Optional.of(blob), reopened.blobs().get(digest));
        assertEquals(new VersionedRecord("release/1", 2, Bytes.utf8("second")),
                reopened.records().get("release/1").orElseThrow());
        assertEquals(List.of("release/1"), reopened.records().keys(""));
        assertEquals(utf8("e0", "e1", "e2"), reopened.log("audit").read(0, 10));
        assertEquals(4, reopened.log("audit").append(3, utf8("e3")));
        assertEquals(0, reopened.log("empty").size());
    }

    @Test
    void close_calledTwice_isIdempotentAndLaterUseThrowsClosed() {
        BlobStore blobs = storage.blobs();
        RecordStore records = storage.records();
        AppendLog log = storage.log("closing");
        storage.close();
        storage.close();
        assertCode(ErrorCode.CLOSED, storage::blobs);
        assertCode(ErrorCode.CLOSED, storage::records);
        assertCode(ErrorCode.CLOSED, () -> storage.log("closing"));
        assertCode(ErrorCode.CLOSED, () -> blobs.put(Bytes.utf8("x")));
        assertCode(ErrorCode.CLOSED, () -> records.compareAndSet("k", 0, Bytes.utf8("x")));
        assertCode(ErrorCode.CLOSED, () -> log.append(0, utf8("x")));
        assertCode(ErrorCode.CLOSED, log::size);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A task for {@link #runConcurrently}. */
    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private static void runConcurrently(List<Task> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                f.get(5, TimeUnit.MINUTES); // a hang guard, not a timing assertion
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Bytes> readAll(AppendLog log) {
        List<Bytes> all = new ArrayList<>();
        while (true) {
            List<Bytes> chunk = log.read(all.size(), 97);
            if (chunk.isEmpty()) {
                return all;
            }
            all.addAll(chunk);
        }
    }

    private static void assertCode(ErrorCode expected, Executable action) {
        IdeaException e = assertThrows(IdeaException.class, action);
        assertEquals(expected, e.errorCode(), e.getMessage());
    }

    private static List<Bytes> utf8(String... texts) {
        List<Bytes> list = new ArrayList<>();
        for (String t : texts) {
            list.add(Bytes.utf8(t));
        }
        return List.copyOf(list);
    }

    private static Bytes pattern(int length, int seed) {
        try (InputStream in = new PatternStream(length, seed)) {
            return Bytes.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deterministic stream of pseudo-random bytes that is never held in memory as a whole. */
    private static final class PatternStream extends InputStream {
        private final long length;
        private long position;
        private long state;

        PatternStream(long length, long seed) {
            this.length = length;
            this.state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        @Override
        public int read() {
            if (position >= length) {
                return -1;
            }
            position++;
            state = state * 6364136223846793005L + 1442695040888963407L;
            return (int) (state >>> 56);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
