package dev.idea.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections dropped in the middle of transactions (the backend killed with pg_terminate_backend):
 * the operation fails with STORAGE_IO, nothing partial is visible, nothing acknowledged is lost, and
 * the storage keeps working on fresh connections.
 */
class ConnectionFailureTest {
    private final TestDatabase db = TestDatabase.get();
    private HikariDataSource pool;
    private FaultInjectingDataSource faulty;
    private Storage storage;

    @BeforeEach
    void open() {
        pool = db.pool(4, "idea-test-faults");
        faulty = new FaultInjectingDataSource(pool, db.dataSource());
        String schema = db.freshSchema("faults");
        storage = new JdbcStorageProvider(faulty).open(new StorageContext(Map.of(JdbcStorageProvider.SCHEMA_PROPERTY, schema),
                null, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        storage.close();
        pool.close();
    }

    @Test
    void append_backendKilledAfterInsertsBeforeSizeUpdate_rollsBackAndThrowsStorageIo() {
        AppendLog log = storage.log("audit");
        log.append(0, entries("ack", 3));
        faulty.killBefore(sql -> sql.contains("SET size"));
        StorageException e = assertThrows(StorageException.class, () -> log.append(3, entries("lost", 50)));
        assertTrue(faulty.fired());
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("appending 50 entries to log 'audit' at size 3"), e.getMessage());

        assertEquals(3, log.size());
        assertEquals(entries("ack", 3), log.read(0, 100));
        assertEquals(0, countRows("log_entries WHERE idx >= 3"));
        assertEquals(5, log.append(3, entries("next", 2)));
        assertEquals(5, log.read(0, 100).size());
    }

    @Test
    void append_backendKilledJustBeforeCommit_nothingOfTheBatchIsVisible() {
        AppendLog log = storage.log("audit");
        log.append(0, entries("ack", 2));
        faulty.killBefore("commit"::equals);
        StorageException e = assertThrows(StorageException.class, () -> log.append(2, entries("lost", 10)));
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode(), e.getMessage());
        assertEquals(2, log.size());
        assertEquals(entries("ack", 2), log.read(0, 100));
        assertEquals(3, log.append(2, entries("next", 1)));
    }

    @Test
    void blobPut_backendKilledAfterChunksBeforeDigestClaim_leavesNoBlobAndNoChunks() {
        Bytes content = Bytes.of(new byte[3 * JdbcBlobStore.CHUNK_BYTES + 17]);
        faulty.killBefore(sql -> sql.contains(".blobs (digest"));
        StorageException e = assertThrows(StorageException.class, () -> storage.blobs().put(content));
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode(), e.getMessage());
        assertFalse(storage.blobs().contains(Digest.sha256(content)));
        assertEquals(0, countRows("blob_chunks"));
        assertEquals(Digest.sha256(content), storage.blobs().put(content));
        assertEquals(content, storage.blobs().get(Digest.sha256(content)).orElseThrow());
    }

    @Test
    void recordCompareAndSet_backendKilledBeforeUpdate_keepsOldVersion() {
        storage.records().compareAndSet("k", 0, Bytes.utf8("one"));
        faulty.killBefore(sql -> sql.startsWith("UPDATE"));
        StorageException e = assertThrows(StorageException.class, () -> storage.records().compareAndSet("k", 1, Bytes.utf8("two")));
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode(), e.getMessage());
        assertEquals(1, storage.records().get("k").orElseThrow().version());
        assertEquals(2, storage.records().compareAndSet("k", 1, Bytes.utf8("two")));
    }

    @Test
    void append_poolBackendsKilledRepeatedlyDuringAppends_everyAcknowledgedBatchPresentNoGapNoPartialBatch() throws Exception {
        String schema = db.freshSchema("killed");
        Storage owned = new JdbcStorageProvider().open(new StorageContext(db.urlSettings(schema), null, Clock.systemUTC()));
        AppendLog log = owned.log("audit");
        List<Long> acknowledged = new ArrayList<>();
        int[] failures = new int[1];
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> killer = threads.submit(() -> {
                for (int round = 0; round < 2000 && !done.get(); round++) {
                    db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                            + OwnedPool.applicationName(schema) + "' AND state <> 'idle'");
                    Thread.sleep(3);
                }
                return null;
            });
            Future<?> writer = threads.submit(() -> {
                try {
                    for (long batch = 0; batch < 150; batch++) {
                        while (!tryAppend(log, batch, failures)) {
                            // retry the same batch on the size now stored
                        }
                        acknowledged.add(batch);
                    }
                } finally {
                    done.set(true);
                }
                return null;
            });
            writer.get(5, TimeUnit.MINUTES); // hang guard only
            killer.get(5, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        List<Bytes> all = log.read(0, Integer.MAX_VALUE);
        owned.close();
        assertEquals(150 * 4, all.size(), "every batch is stored exactly once, whole; " + failures[0] + " appends failed");
        for (int i = 0; i < all.size(); i++) {
            assertEquals("b" + (i / 4) + "-" + (i % 4), all.get(i).utf8String(), "entry " + i);
        }
        assertEquals(150, acknowledged.size());
    }

    /** Appends batch number {@code batch} unless an in-doubt earlier try already stored it. */
    private static boolean tryAppend(AppendLog log, long batch, int[] failures) {
        try {
            long size = log.size();
            if (size == (batch + 1) * 4) {
                return true; // the previous try failed in doubt, yet committed
            }
            log.append(size, batchEntries(batch));
            return true;
        } catch (StorageException e) {
            if (e.errorCode() != ErrorCode.STORAGE_IO && e.errorCode() != ErrorCode.STORAGE_CONFLICT) {
                throw e;
            }
            failures[0]++;
            return false;
        }
    }

    private static List<Bytes> batchEntries(long batch) {
        List<Bytes> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(Bytes.utf8("b" + batch + "-" + i));
        }
        return entries;
    }

    private int countRows(String tableAndCondition) {
        String schema = storage.toString().replaceAll(".*\"(.*)\".*", "$1");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + schema + "\"." + tableAndCondition)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Bytes> entries(String prefix, int count) {
        List<Bytes> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(Bytes.utf8(prefix + i));
        }
        return list;
    }
}
