package dev.idea.storage.jdbc;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.StorageNames;
import dev.idea.spi.storage.VersionedRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Records in the table {@code records}, written by single-statement compare-and-set.
 *
 * <p>Creating is {@code INSERT ... ON CONFLICT DO NOTHING}; updating is
 * {@code UPDATE ... SET version = version + 1 WHERE key = ? AND version = ?}. Under PostgreSQL's row
 * locking a concurrent writer of the same key waits for the first, then re-evaluates its condition
 * against the committed row, so exactly one of two racing writers of a version wins and the other
 * updates no row, which is reported as {@code STORAGE_CONFLICT}. Thread-safe.
 *
 * <p>Security guarantees: a write returns only after PostgreSQL committed it; a write that throws
 * changed nothing, except when the connection broke during the commit, in which case a retry with
 * the same expected version fails with {@code STORAGE_CONFLICT} rather than writing twice.
 */
final class JdbcRecordStore implements RecordStore {
    private final DataSource dataSource;
    private final OpenState state;
    private final String select;
    private final String insert;
    private final String update;
    private final String keys;

    JdbcRecordStore(DataSource dataSource, String schema, OpenState state) {
        this.dataSource = dataSource;
        this.state = state;
        String table = "\"" + schema + "\".records";
        this.select = "SELECT version, value FROM " + table + " WHERE key = ?";
        this.insert = "INSERT INTO " + table + " (key, version, value) VALUES (?, 1, ?) ON CONFLICT (key) DO NOTHING";
        this.update = "UPDATE " + table + " SET version = version + 1, value = ? WHERE key = ? AND version = ?";
        this.keys = "SELECT key FROM " + table + " WHERE key >= ? AND starts_with(key, ?) ORDER BY key";
    }

    @Override
    public Optional<VersionedRecord> get(String key) {
        StorageNames.requireRecordKey(key);
        state.check();
        return JdbcSupport.autocommit(dataSource, "reading record \"" + key + "\" from " + state.description(), c -> {
            try (PreparedStatement s = c.prepareStatement(select)) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new VersionedRecord(key, rs.getLong(1), Bytes.of(rs.getBytes(2))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public long compareAndSet(String key, long expectedVersion, Bytes value) {
        StorageNames.requireRecordKey(key);
        Objects.requireNonNull(value, "value");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
        }
        state.check();
        int changed = JdbcSupport.autocommit(dataSource, "writing record \"" + key + "\" at version " + expectedVersion
                + " in " + state.description(), c -> {
                    if (expectedVersion == 0) {
                        try (PreparedStatement s = c.prepareStatement(insert)) {
                            s.setString(1, key);
                            s.setBytes(2, value.toByteArray());
                            return s.executeUpdate();
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement(update)) {
                        s.setBytes(1, value.toByteArray());
                        s.setString(2, key);
                        s.setLong(3, expectedVersion);
                        return s.executeUpdate();
                    }
                });
        if (changed != 1) {
            throw new StorageException(ErrorCode.STORAGE_CONFLICT, "record \"" + key + "\" is not at version "
                    + expectedVersion + (expectedVersion == 0 ? " (it already exists)" : "")
                    + "; another writer changed it first: read it again and retry");
        }
        return expectedVersion + 1;
    }

    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        state.check();
        return JdbcSupport.autocommit(dataSource, "listing record keys under \"" + prefix + "\" in " + state.description(), c -> {
            try (PreparedStatement s = c.prepareStatement(keys)) {
                s.setString(1, prefix);
                s.setString(2, prefix);
                List<String> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return List.copyOf(found);
            }
        });
    }
}
