package dev.idea.storage.jdbc;

import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Brings a database schema up to the version this release needs by running the versioned SQL
 * scripts shipped beside this class, in order, each in its own transaction.
 *
 * <p>Each step takes a transaction-scoped PostgreSQL advisory lock derived from the schema name, so
 * that any number of instances starting at once apply every script exactly once: the others wait for
 * the lock, then find the script recorded in {@code schema_version} and skip it. A script's SHA-256 is
 * recorded with it; a recorded script whose text has changed since, or a version this release does not
 * know, stops start-up with {@code STORAGE_SCHEMA_UNSUPPORTED} rather than guessing.
 *
 * <p>Thread-safe (stateless).
 */
final class SchemaMigrator {
    /** First half of the advisory lock key: the same for every IDEA schema ("IDEA" in hex-speak). */
    static final int LOCK_CLASS = 0x1DEA;

    /** The shipped scripts, in the order they run. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "initial schema: blobs, records, logs", "V1__initial_schema.sql"));

    private SchemaMigrator() {
    }

    /** One shipped migration script. */
    record Migration(int version, String description, String resource) {

        String sql() {
            try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("migration resource " + resource + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("reading migration resource " + resource, e);
            }
        }

        String checksum() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }
    }

    /**
     * Applies the pending migrations to a schema, creating it when absent.
     *
     * @param dataSource where to connect
     * @param schema a validated plain schema name
     * @return the versions applied by this call, in order (empty when the schema was current)
     * @throws StorageException with {@code STORAGE_SCHEMA_UNSUPPORTED} when the schema is newer than this
     *     release or a recorded script changed, {@code STORAGE_IO} when the database fails
     */
    static List<Integer> migrate(DataSource dataSource, String schema) {
        List<Integer> applied = new ArrayList<>();
        while (true) {
            Integer version = JdbcSupport.inTransaction(dataSource, "migrating PostgreSQL schema \"" + schema + "\"",
                    c -> applyNext(c, schema));
            if (version == null) {
                return List.copyOf(applied);
            }
            applied.add(version);
        }
    }

    /** Key of the advisory lock that serializes migrations of one schema. */
    static int lockKey(String schema) {
        CRC32 crc = new CRC32();
        crc.update(schema.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static Integer applyNext(Connection c, String schema) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, lockKey(schema));
            lock.execute();
        }
        String q = "\"" + schema + "\"";
        try (Statement s = c.createStatement()) {
            if (!schemaExists(c, schema)) {
                s.execute("CREATE SCHEMA " + q);
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + q + ".schema_version ("
                    + "version integer PRIMARY KEY, description text NOT NULL, checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
        }
        Map<Integer, String> recorded = recorded(c, q);
        checkRecorded(schema, recorded);
        for (Migration m : MIGRATIONS) {
            if (!recorded.containsKey(m.version())) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL search_path TO " + q);
                    s.execute(m.sql());
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + q
                        + ".schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
                    insert.setInt(1, m.version());
                    insert.setString(2, m.description());
                    insert.setString(3, m.checksum());
                    insert.executeUpdate();
                }
                return m.version();
            }
        }
        return null;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<Integer, String> recorded(Connection c, String q) throws SQLException {
        Map<Integer, String> recorded = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + q + ".schema_version ORDER BY version")) {
            while (rs.next()) {
                recorded.put(rs.getInt(1), rs.getString(2));
            }
        }
        return recorded;
    }

    private static void checkRecorded(String schema, Map<Integer, String> recorded) {
        int newest = MIGRATIONS.get(MIGRATIONS.size() - 1).version();
        for (Map.Entry<Integer, String> row : recorded.entrySet()) {
            int version = row.getKey();
            Migration shipped = MIGRATIONS.stream().filter(m -> m.version() == version).findFirst().orElse(null);
            if (shipped == null) {
                throw new StorageException(ErrorCode.STORAGE_SCHEMA_UNSUPPORTED, "PostgreSQL schema \"" + schema
                        + "\" is at version " + version + " but this release knows versions up to " + newest
                        + "; upgrade idea-storage-jdbc to the release that wrote it, or use another schema");
            }
            if (!shipped.checksum().equals(row.getValue())) {
                throw new StorageException(ErrorCode.STORAGE_SCHEMA_UNSUPPORTED, "PostgreSQL schema \"" + schema
                        + "\": migration " + version + " (" + shipped.resource() + ") was recorded with SHA-256 "
                        + row.getValue() + " but this release ships " + shipped.checksum()
                        + "; an applied migration must never change: restore the released script");
            }
        }
    }
}
