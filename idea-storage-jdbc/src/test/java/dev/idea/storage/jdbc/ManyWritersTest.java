package dev.idea.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.idea.api.AuditEvent;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two independent instances, each with its own connection pool, writing one PostgreSQL log at once:
 * no fork, no gap, every acknowledged append present, and the audit chain verifies.
 */
class ManyWritersTest {
    private final TestDatabase db = TestDatabase.get();

    @TempDir
    Path dir;

    @Test
    void append_twoProvidersWithOwnPoolsAndTwoThreadsEach_storeEveryAcknowledgedEntryOnceWithoutGap() throws Exception {
        String schema = db.freshSchema("writers");
        StorageContext context = new StorageContext(db.urlSettings(schema), null, Clock.systemUTC());
        try (Storage first = new JdbcStorageProvider().open(context); Storage second = new JdbcStorageProvider().open(context)) {
            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            List<Callable<Object>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                AppendLog log = (w % 2 == 0 ? first : second).log("shared");
                String writer = "w" + w;
                writers.add(() -> {
                    for (int b = 0; b < 60; b++) {
                        List<Bytes> batch = new ArrayList<>();
                        for (int i = 0; i <= b % 3; i++) {
                            batch.add(Bytes.utf8(writer + ":" + b + ":" + i));
                        }
                        long at = appendWithRetry(log, batch);
                        for (int i = 0; i < batch.size(); i++) {
                            acknowledged.put(at + i, batch.get(i).utf8String());
                        }
                    }
                    return null;
                });
            }
            runAtOnce(writers);

            List<Bytes> stored = first.log("shared").read(0, Integer.MAX_VALUE);
            int expected = 4 * (20 * 1 + 20 * 2 + 20 * 3);
            assertEquals(expected, stored.size());
            assertEquals(expected, second.log("shared").size());
            assertEquals(expected, acknowledged.size());
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < stored.size(); i++) {
                String entry = stored.get(i).utf8String();
                assertEquals(acknowledged.get((long) i), entry, "index " + i);
                assertTrue(distinct.add(entry), "duplicate " + entry);
            }
        }
    }

    @Test
    void submit_twoIdeaInstancesWithSeparatePools_oneChainThatVerifies() throws Exception {
        String schema = db.freshSchema("idea");
        try (HikariDataSource poolA = db.pool(4, "idea-test-a"); HikariDataSource poolB = db.pool(4, "idea-test-b");
             Idea a = idea(poolA, schema, dir.resolve("a")); Idea b = idea(poolB, schema, dir.resolve("b"))) {
            List<Callable<Object>> submitters = new ArrayList<>();
            List<AuditEvent> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                Idea idea = t % 2 == 0 ? a : b;
                String target = "svc-" + t;
                submitters.add(() -> {
                    for (int i = 0; i < 5; i++) {
                        Release r = idea.submit(PackageSubmission.ofBytes(Bytes.of(servicePackage(target + i)))
                                .target(target).version("1." + i).rationale("concurrent release").proposedBy("alice")
                                .mediaType("application/gzip").build());
                        acknowledged.addAll(r.auditEvents());
                    }
                    return null;
                });
            }
            runAtOnce(submitters);

            ChainVerification fromA = a.verifyAuditChain();
            ChainVerification fromB = b.verifyAuditChain();
            assertEquals(20 * 4, fromA.eventCount());
            assertEquals(fromA, fromB);
            List<AuditEvent> chain = b.auditEvents(0, Integer.MAX_VALUE);
            assertEquals(80, chain.size());
            assertEquals(80, acknowledged.size());
            for (AuditEvent e : acknowledged) {
                assertEquals(e, chain.get((int) e.seq()), "acknowledged event " + e.seq() + " is stored as returned");
            }
        }
    }

    private static Idea idea(HikariDataSource pool, String schema, Path dataDirectory) {
        return Idea.builder()
                .dataDirectory(dataDirectory)
                .provider(new JdbcStorageProvider(pool))
                .storage("jdbc")
                .property(JdbcStorageProvider.SCHEMA_PROPERTY, schema)
                .kms("local")
                .property("idea.kms.local.generate-missing", "ed25519")
                .environment(Map.of())
                .build();
    }

    private static long appendWithRetry(AppendLog log, List<Bytes> batch) {
        while (true) {
            long size = log.size();
            try {
                log.append(size, batch);
                return size;
            } catch (StorageException e) {
                if (e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                    throw e;
                }
            }
        }
    }

    private static void runAtOnce(List<Callable<Object>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                f.get(5, TimeUnit.MINUTES); // hang guard only
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A one-file ustar archive, gzip-compressed. */
    static byte[] servicePackage(String text) {
        byte[] content = ("# " + text + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, "README.md");
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", content.length));
        put(header, 136, "00000000000\0");
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte x : header) {
            sum += x & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.writeBytes(header);
        tar.writeBytes(content);
        tar.writeBytes(new byte[(512 - content.length % 512) % 512 + 1024]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(byte[] h, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
