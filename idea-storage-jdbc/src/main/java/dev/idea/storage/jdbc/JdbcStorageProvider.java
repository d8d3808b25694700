package dev.idea.storage.jdbc;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The PostgreSQL storage provider, id {@value #ID}: blobs, compare-and-set records and append-only
 * logs in one database schema.
 *
 * <p>Two ways to reach the database. Preferred: hand in the application's pooled {@link DataSource},
 * {@code Idea.builder().provider(new JdbcStorageProvider(dataSource)).storage("jdbc")}; the storage
 * borrows connections from it and never closes it. Otherwise, found by {@link java.util.ServiceLoader},
 * the provider reads {@value #URL_PROPERTY}, {@value #USER_PROPERTY} and {@value #PASSWORD_PROPERTY}
 * (or the environment variables {@value #URL_ENV}, {@value #USER_ENV}, {@value #PASSWORD_ENV}), starts
 * a HikariCP pool of at most {@value #POOL_SIZE_PROPERTY} connections (default
 * {@value #DEFAULT_POOL_SIZE}) and closes it with the storage. Either way the tables live in the schema
 * {@value #SCHEMA_PROPERTY} (default {@value #DEFAULT_SCHEMA}), which {@link #open} creates and upgrades
 * with the SQL migrations shipped in this module, safely when several instances start at once. The
 * PostgreSQL JDBC driver ({@code org.postgresql:postgresql}) must be on the run-time class path.
 *
 * <p>Instances are immutable and thread-safe; one provider may open any number of storages.
 *
 * <p>Security guarantees: every write returns only after PostgreSQL committed it; a write that throws
 * left nothing visible; log appends and record writes are conditional, so concurrent writers from any
 * number of pools and JVMs cannot fork a log, leave a gap, or lose an acknowledged entry (see
 * {@code docs/storage-jdbc.md}). The password is never put in a message or {@code toString()}.
 *
 * @since 0.1
 */
public final class JdbcStorageProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "jdbc";
    /** Setting: the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/idea}. */
    public static final String URL_PROPERTY = "idea.storage.jdbc.url";
    /** Setting: the database user. */
    public static final String USER_PROPERTY = "idea.storage.jdbc.user";
    /** Setting: the database password. */
    public static final String PASSWORD_PROPERTY = "idea.storage.jdbc.password";
    /** Setting: the schema holding IDEA's tables. */
    public static final String SCHEMA_PROPERTY = "idea.storage.jdbc.schema";
    /** Setting: most connections of the pool this module creates. */
    public static final String POOL_SIZE_PROPERTY = "idea.storage.jdbc.pool.max-size";
    /** Setting: milliseconds to wait for a connection before failing with {@code STORAGE_IO}. */
    public static final String CONNECTION_TIMEOUT_PROPERTY = "idea.storage.jdbc.pool.connection-timeout-ms";
    /** Environment fallback of {@link #URL_PROPERTY}. */
    public static final String URL_ENV = "IDEA_STORAGE_JDBC_URL";
    /** Environment fallback of {@link #USER_PROPERTY}. */
    public static final String USER_ENV = "IDEA_STORAGE_JDBC_USER";
    /** Environment fallback of {@link #PASSWORD_PROPERTY}. */
    public static final String PASSWORD_ENV = "IDEA_STORAGE_JDBC_PASSWORD";
    /** Default of {@link #SCHEMA_PROPERTY}. */
    public static final String DEFAULT_SCHEMA = "idea";
    /** Default of {@link #POOL_SIZE_PROPERTY}. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Default of {@link #CONNECTION_TIMEOUT_PROPERTY}: 10 seconds. */
    public static final long DEFAULT_CONNECTION_TIMEOUT_MILLIS = 10_000;

    private final DataSource dataSource;
    private final Function<String, String> environment;

    /** Creates a provider that connects through the URL settings; ServiceLoader calls this. */
    public JdbcStorageProvider() {
        this(null, System::getenv);
    }

    /**
     * Creates a provider that borrows connections from the caller's data source; URL, user, password
     * and pool settings are then ignored.
     *
     * @param dataSource a data source for PostgreSQL, preferably pooled; the caller closes it
     */
    public JdbcStorageProvider(DataSource dataSource) {
        this(Objects.requireNonNull(dataSource, "dataSource"), System::getenv);
    }

    JdbcStorageProvider(DataSource dataSource, Function<String, String> environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Connects, creates or upgrades the schema, and returns the storage.
     *
     * @param context settings (keys under {@code idea.storage.jdbc.}) and clock
     * @return the open storage
     * @throws ConfigurationException with {@code CONFIG_INVALID} when no database is configured or a
     *     setting is malformed
     * @throws dev.idea.api.StorageException with {@code STORAGE_IO} when the database cannot be reached,
     *     {@code STORAGE_SCHEMA_UNSUPPORTED} when the schema belongs to a newer release
     */
    @Override
    public Storage open(StorageContext context) {
        Objects.requireNonNull(context, "context");
        JdbcSettings settings = JdbcSettings.from(context, environment);
        if (dataSource != null) {
            SchemaMigrator.migrate(dataSource, settings.schema());
            return new JdbcStorage(dataSource, settings.schema(), null);
        }
        if (settings.url() == null) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "the jdbc storage has no database: set "
                    + URL_PROPERTY + " (or the environment variable " + URL_ENV + ") to jdbc:postgresql://host:5432/database, "
                    + "or pass new JdbcStorageProvider(dataSource) to Idea.builder().provider(...)");
        }
        OwnedPool pool = OwnedPool.start(settings);
        try {
            SchemaMigrator.migrate(pool.dataSource(), settings.schema());
            return new JdbcStorage(pool.dataSource(), settings.schema(), pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "JdbcStorageProvider[" + (dataSource != null ? "caller's DataSource" : "URL settings") + "]";
    }
}
