package dev.idea.storage.jdbc;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.AppendLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One append-only log: a row of {@code logs} holding the committed size, and one row of
 * {@code log_entries} per entry, keyed by (log, index).
 *
 * <p>An append is one transaction: {@code SELECT size ... FOR UPDATE} locks the log's row, so appenders
 * from every pool and every JVM queue up there; the size is compared with the expected size (a mismatch
 * rolls back with {@code STORAGE_CONFLICT}); the entries go in as JDBC batches of at most
 * {@value #MAX_BATCH_ROWS} rows; the size is updated and the transaction commits. The primary key
 * (log, index) is a second guard: a writer that bypassed the lock would fail on the first taken index.
 * Readers use plain statements: under READ COMMITTED each sees the committed state as of its start, so
 * a batch is visible whole or not at all. Thread-safe.
 *
 * <p>Security guarantees: an append returns only after PostgreSQL committed it (durable as the server's
 * {@code synchronous_commit} setting says, durable on disk by default). A dropped connection before the
 * commit rolls everything back; the one in-doubt case, a connection lost during the commit, is reported
 * as {@code STORAGE_IO}, and a retry on the old size then fails with {@code STORAGE_CONFLICT} instead of
 * writing the entries twice, so no fork and no duplicate can arise.
 */
final class JdbcAppendLog implements AppendLog {
    /** Most rows sent in one JDBC batch; bounds what the driver buffers. */
    static final int MAX_BATCH_ROWS = 512;
    /** Most entry bytes sent in one JDBC batch. */
    static final long MAX_BATCH_BYTES = 32L << 20;

    private final DataSource dataSource;
    private final OpenState state;
    private final String name;
    private final int id;
    private final String lockSize;
    private final String selectSize;
    private final String insertEntry;
    private final String updateSize;
    private final String selectEntries;

    JdbcAppendLog(DataSource dataSource, String schema, OpenState state, String name, int id) {
        this.dataSource = dataSource;
        this.state = state;
        this.name = name;
        this.id = id;
        String q = "\"" + schema + "\".";
        this.lockSize = "SELECT size FROM " + q + "logs WHERE id = ? FOR UPDATE";
        this.selectSize = "SELECT size FROM " + q + "logs WHERE id = ?";
        this.insertEntry = "INSERT INTO " + q + "log_entries (log_id, idx, data) VALUES (?, ?, ?)";
        this.updateSize = "UPDATE " + q + "logs SET size = ? WHERE id = ?";
        this.selectEntries = "SELECT data FROM " + q + "log_entries WHERE log_id = ? AND idx >= ? ORDER BY idx LIMIT ?";
    }

    /**
     * Finds or creates the row of a log and returns its id.
     *
     * @param dataSource where to connect
     * @param schema the schema
     * @param description the storage, for messages
     * @param name a validated log name
     * @return the log's id
     */
    static int idOf(DataSource dataSource, String schema, String description, String name) {
        String q = "\"" + schema + "\".";
        return JdbcSupport.autocommit(dataSource, "opening log '" + name + "' in " + description, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + q
                    + "logs (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM " + q + "logs WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("log row for '" + name + "' vanished after it was created");
                    }
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public long size() {
        state.check();
        return JdbcSupport.autocommit(dataSource, "reading the size of log '" + name + "' in " + state.description(),
                c -> readSize(c, selectSize));
    }

    @Override
    public long append(long expectedSize, List<Bytes> entries) {
        checkEntries(expectedSize, entries);
        state.check();
        String what = "appending " + entries.size() + " entries to log '" + name + "' at size " + expectedSize + " in "
                + state.description();
        return JdbcSupport.inTransaction(dataSource, what, c -> {
            long size = readSize(c, lockSize);
            if (size != expectedSize) {
                throw new StorageException(ErrorCode.STORAGE_CONFLICT, "log '" + name + "' has " + size
                        + " entries, not the expected " + expectedSize + "; another writer appended first: read the new "
                        + "entries and retry on size " + size);
            }
            insert(c, expectedSize, entries);
            try (PreparedStatement s = c.prepareStatement(updateSize)) {
                s.setLong(1, expectedSize + entries.size());
                s.setInt(2, id);
                s.executeUpdate();
            }
            return expectedSize + entries.size();
        });
    }

    @Override
    public List<Bytes> read(long fromIndex, int maxCount) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("fromIndex must be >= 0, got " + fromIndex);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be >= 1, got " + maxCount);
        }
        state.check();
        String what = "reading log '" + name + "' from index " + fromIndex + " in " + state.description();
        return JdbcSupport.autocommit(dataSource, what, c -> {
            List<Bytes> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(selectEntries)) {
                s.setInt(1, id);
                s.setLong(2, fromIndex);
                s.setLong(3, maxCount);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(Bytes.of(rs.getBytes(1)));
                    }
                }
            }
            if (found.isEmpty()) {
                // The log only grows, so an empty answer is either the end or a read past it.
                long size = readSize(c, selectSize);
                if (fromIndex > size) {
                    throw new StorageException(ErrorCode.STORAGE_NOT_FOUND, "log '" + name + "' has " + size
                            + " entries; cannot read from index " + fromIndex + ": read from 0 to " + size);
                }
            }
            return List.copyOf(found);
        });
    }

    private void insert(Connection c, long firstIndex, List<Bytes> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(insertEntry)) {
            int rows = 0;
            long bytes = 0;
            long index = firstIndex;
            for (Bytes entry : entries) {
                s.setInt(1, id);
                s.setLong(2, index++);
                s.setBytes(3, entry.toByteArray());
                s.addBatch();
                rows++;
                bytes += entry.size();
                if (rows == MAX_BATCH_ROWS || bytes >= MAX_BATCH_BYTES) {
                    s.executeBatch();
                    rows = 0;
                    bytes = 0;
                }
            }
            if (rows > 0) {
                s.executeBatch();
            }
        }
    }

    private long readSize(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new StorageException(ErrorCode.STORAGE_CORRUPT, "log '" + name + "' (id " + id + ") has no row in "
                            + state.description() + " although it was opened; restore the logs table from a backup");
                }
                return rs.getLong(1);
            }
        }
    }

    private static void checkEntries(long expectedSize, List<Bytes> entries) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must be >= 0, got " + expectedSize);
        }
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("append needs at least one entry");
        }
        for (int i = 0; i < entries.size(); i++) {
            Bytes entry = Objects.requireNonNull(entries.get(i), "entries[" + i + "]");
            if (entry.isEmpty() || entry.size() > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entries[" + i + "] has " + entry.size() + " bytes; each entry must have 1 to "
                        + MAX_ENTRY_BYTES + " bytes");
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcAppendLog[" + name + " in " + state.description() + "]";
    }
}
