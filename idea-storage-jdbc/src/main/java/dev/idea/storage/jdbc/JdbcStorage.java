package dev.idea.storage.jdbc;

import dev.idea.spi.storage.AppendLog;
import dev.idea.spi.storage.BlobStore;
import dev.idea.spi.storage.RecordStore;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageNames;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A storage kept in one PostgreSQL schema.
 *
 * <p>Thread-safe; any number of storages, in this JVM or others, may share the schema. Closing it
 * closes the connection pool only when this module created it.
 */
final class JdbcStorage implements Storage {
    private final DataSource dataSource;
    private final String schema;
    private final OwnedPool ownedPool;
    private final OpenState state;
    private final JdbcBlobStore blobs;
    private final JdbcRecordStore records;
    private final ConcurrentHashMap<String, JdbcAppendLog> logs = new ConcurrentHashMap<>();

    /**
     * Creates the storage over a migrated schema.
     *
     * @param dataSource where to connect
     * @param schema the migrated schema
     * @param ownedPool the pool to close with the storage, or null when the caller owns the data source
     */
    JdbcStorage(DataSource dataSource, String schema, OwnedPool ownedPool) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.ownedPool = ownedPool;
        this.state = new OpenState("PostgreSQL schema \"" + schema + "\"");
        this.blobs = new JdbcBlobStore(dataSource, schema, state);
        this.records = new JdbcRecordStore(dataSource, schema, state);
    }

    @Override
    public BlobStore blobs() {
        state.check();
        return blobs;
    }

    @Override
    public RecordStore records() {
        state.check();
        return records;
    }

    @Override
    public AppendLog log(String name) {
        StorageNames.requireLogName(name);
        state.check();
        JdbcAppendLog log = logs.get(name);
        if (log == null) {
            // Created outside computeIfAbsent so that no database call runs under the map's bin lock.
            int id = JdbcAppendLog.idOf(dataSource, schema, state.description(), name);
            log = logs.computeIfAbsent(name, n -> new JdbcAppendLog(dataSource, schema, state, n, id));
        }
        return log;
    }

    @Override
    public void close() {
        if (state.close() && ownedPool != null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + state.description() + "]";
    }
}
