package dev.idea.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idea.api.ErrorCode;
import dev.idea.api.StorageException;
import javax.sql.DataSource;

/**
 * The HikariCP connection pool this module creates when it is configured with a URL rather than
 * handed a {@link DataSource}; the only class that touches HikariCP.
 *
 * <p>Thread-safe. Closing it closes every pooled connection.
 */
final class OwnedPool implements AutoCloseable {
    private final HikariDataSource pool;

    private OwnedPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Starts a pool and opens its first connection, so that a wrong URL or password fails here.
     *
     * @param settings URL, credentials and pool sizes
     * @return the started pool
     * @throws StorageException with {@code STORAGE_IO} naming the URL (without its query) when no
     *     connection can be opened
     */
    static OwnedPool start(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setPoolName("idea-jdbc-" + settings.schema());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        config.setInitializationFailTimeout(settings.connectionTimeoutMillis());
        config.setAutoCommit(true);
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // One INSERT per batch on the wire instead of one per row; ApplicationName shows in pg_stat_activity.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("ApplicationName", applicationName(settings.schema()));
        }
        try {
            return new OwnedPool(new HikariDataSource(config));
        } catch (RuntimeException e) {
            // HikariCP reports an unreachable server or refused login as an unchecked PoolInitializationException.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot connect to " + JdbcSettings.redactedUrl(settings.url())
                    + (settings.user() == null ? "" : " as user \"" + settings.user() + "\"") + ": " + cause.getMessage()
                    + "; check that PostgreSQL is up and reachable and that " + JdbcStorageProvider.URL_PROPERTY + ", "
                    + JdbcStorageProvider.USER_PROPERTY + " and " + JdbcStorageProvider.PASSWORD_PROPERTY + " are right", e);
        }
    }

    /**
     * Returns the name the pool's sessions show in {@code pg_stat_activity.application_name}.
     *
     * @param schema the storage's schema
     * @return {@code idea-storage-jdbc/<schema>}
     */
    static String applicationName(String schema) {
        return "idea-storage-jdbc/" + schema;
    }

    /**
     * Returns the pool as a data source.
     *
     * @return the pooled data source
     */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
