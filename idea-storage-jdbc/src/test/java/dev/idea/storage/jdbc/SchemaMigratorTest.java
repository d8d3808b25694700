package dev.idea.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void migrations_everyShippedScript_existsAndVersionsAscendFromOne() {
        for (int i = 0; i < SchemaMigrator.MIGRATIONS.size(); i++) {
            SchemaMigrator.Migration m = SchemaMigrator.MIGRATIONS.get(i);
            assertEquals(i + 1, m.version());
            assertTrue(m.resource().startsWith("V" + m.version() + "__"), m.resource());
            assertTrue(m.sql().contains("CREATE"), m.resource());
            assertEquals(64, m.checksum().length());
        }
    }

    @Test
    void migrate_freshSchema_createsItAndRecordsEveryVersionOnce() {
        String schema = db.freshSchema("fresh");
        assertEquals(List.of(1), SchemaMigrator.migrate(db.dataSource(), schema));
        assertEquals(List.of(), SchemaMigrator.migrate(db.dataSource(), schema));
        assertEquals(List.of("1 " + SchemaMigrator.MIGRATIONS.get(0).checksum()),
                rows("SELECT version || ' ' || checksum FROM \"" + schema + "\".schema_version ORDER BY version"));
        assertEquals(List.of("blob_chunks", "blobs", "log_entries", "logs", "records", "schema_version"),
                rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' ORDER BY 1"));
    }

    @Test
    void migrate_eightInstancesStartingAtOnce_applyEachVersionExactlyOnce() throws Exception {
        String schema = db.freshSchema("race");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return SchemaMigrator.migrate(db.dataSource(), schema);
                }));
            }
            start.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                applied.addAll(f.get(2, TimeUnit.MINUTES)); // hang guard only
            }
            assertEquals(List.of(1), applied);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of("1"), rows("SELECT version::text FROM \"" + schema + "\".schema_version"));
    }

    @Test
    void migrate_recordedScriptChangedSince_refusesWithSchemaUnsupported() {
        String schema = db.freshSchema("edited");
        SchemaMigrator.migrate(db.dataSource(), schema);
        db.execute("UPDATE \"" + schema + "\".schema_version SET checksum = repeat('0', 64) WHERE version = 1");
        StorageException e = assertThrows(StorageException.class, () -> SchemaMigrator.migrate(db.dataSource(), schema));
        assertEquals(ErrorCode.STORAGE_SCHEMA_UNSUPPORTED, e.errorCode());
        assertTrue(e.getMessage().contains("V1__initial_schema.sql") && e.getMessage().contains("0000000000"), e.getMessage());
    }

    @Test
    void migrate_schemaFromNewerRelease_refusesWithSchemaUnsupported() {
        String schema = db.freshSchema("newer");
        SchemaMigrator.migrate(db.dataSource(), schema);
        db.execute("INSERT INTO \"" + schema + "\".schema_version (version, description, checksum) VALUES (99, 'future', 'x')");
        StorageException e = assertThrows(StorageException.class, () -> new JdbcStorageProvider(db.dataSource())
                .open(new dev.idea.spi.storage.StorageContext(java.util.Map.of(JdbcStorageProvider.SCHEMA_PROPERTY, schema),
                        null, java.time.Clock.systemUTC())));
        assertEquals(ErrorCode.STORAGE_SCHEMA_UNSUPPORTED, e.errorCode());
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void lockKey_sameSchema_isStableAcrossCalls() {
        assertEquals(SchemaMigrator.lockKey("idea"), SchemaMigrator.lockKey("idea"));
        assertTrue(SchemaMigrator.lockKey("idea") != SchemaMigrator.lockKey("idea_staging"));
    }

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
