package dev.idea.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.StorageException;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JdbcStorageProviderTest {
    private final TestDatabase db = TestDatabase.get();

    private static StorageContext context(Map<String, String> settings) {
        return new StorageContext(settings, null, Clock.systemUTC());
    }

    @Test
    void serviceLoader_classPath_findsProviderWithIdJdbc() {
        List<String> ids = ServiceLoader.load(StorageProvider.class).stream().map(p -> p.get().id()).toList();
        assertTrue(ids.contains("jdbc"), ids.toString());
        assertEquals("jdbc", new JdbcStorageProvider().id());
    }

    @Test
    void open_noUrlAndNoDataSource_throwsConfigInvalidNamingSettingAndEnv() {
        JdbcStorageProvider provider = new JdbcStorageProvider(null, env -> null);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> provider.open(context(Map.of())));
        assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("idea.storage.jdbc.url") && e.getMessage().contains("IDEA_STORAGE_JDBC_URL"),
                e.getMessage());
    }

    @Test
    void open_badSchemaPoolSizeOrUrl_throwsConfigInvalidNamingTheValue() {
        JdbcStorageProvider provider = new JdbcStorageProvider(db.dataSource());
        Map<String, String> bad = Map.of(
                JdbcStorageProvider.SCHEMA_PROPERTY, "Idea; DROP",
                JdbcStorageProvider.POOL_SIZE_PROPERTY, "0",
                JdbcStorageProvider.CONNECTION_TIMEOUT_PROPERTY, "soon",
                JdbcStorageProvider.URL_PROPERTY, "postgres://host/db");
        for (Map.Entry<String, String> setting : bad.entrySet()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> provider.open(context(Map.of(setting.getKey(), setting.getValue()))));
            assertEquals(ErrorCode.CONFIG_INVALID, e.errorCode());
            assertTrue(e.getMessage().contains(setting.getKey()) && e.getMessage().contains(setting.getValue()), e.getMessage());
        }
    }

    @Test
    void open_urlFromEnvironment_startsOwnPoolAndCloseReleasesItsConnections() throws Exception {
        String schema = db.freshSchema("env");
        Map<String, String> settings = new HashMap<>(db.urlSettings(schema));
        String url = settings.remove(JdbcStorageProvider.URL_PROPERTY);
        JdbcStorageProvider provider = new JdbcStorageProvider(null, env -> env.equals(JdbcStorageProvider.URL_ENV) ? url : null);
        Storage storage = provider.open(context(settings));
        storage.records().compareAndSet("k", 0, Bytes.utf8("v"));
        assertTrue(sessions(schema) > 0);
        storage.close();
        storage.close();
        // A server process ends shortly after its client disconnects: wait for it (bounded), then assert.
        for (int i = 0; i < 1000 && sessions(schema) > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, sessions(schema));
        assertEquals(ErrorCode.CLOSED, assertThrows(IdeaException.class, storage::blobs).errorCode());
    }

    @Test
    void open_unreachableServer_throwsStorageIoNamingUrlWithoutPassword() {
        Map<String, String> settings = Map.of(
                JdbcStorageProvider.URL_PROPERTY, "jdbc:postgresql://127.0.0.1:1/idea?password=hunter2",
                JdbcStorageProvider.PASSWORD_PROPERTY, "s3cret",
                JdbcStorageProvider.CONNECTION_TIMEOUT_PROPERTY, "500");
        StorageException e = assertThrows(StorageException.class, () -> new JdbcStorageProvider().open(context(settings)));
        assertEquals(ErrorCode.STORAGE_IO, e.errorCode());
        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/idea"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void open_callersDataSource_closeLeavesItOpen() throws Exception {
        String schema = db.freshSchema("borrowed");
        Storage storage = new JdbcStorageProvider(db.dataSource()).open(context(Map.of(JdbcStorageProvider.SCHEMA_PROPERTY, schema)));
        storage.log("audit").append(0, List.of(Bytes.utf8("e0")));
        storage.close();
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(c.isValid(5));
        }
        Storage again = new JdbcStorageProvider(db.dataSource()).open(context(Map.of(JdbcStorageProvider.SCHEMA_PROPERTY, schema)));
        assertEquals(List.of(Bytes.utf8("e0")), again.log("audit").read(0, 10));
        again.close();
    }

    @Test
    void settings_toString_hidesPassword() {
        JdbcSettings settings = JdbcSettings.from(context(Map.of(JdbcStorageProvider.URL_PROPERTY, "jdbc:postgresql://h/d?password=p1",
                JdbcStorageProvider.PASSWORD_PROPERTY, "p2")), env -> null);
        assertFalse(settings.toString().contains("p1") || settings.toString().contains("p2"), settings.toString());
    }

    private int sessions(String schema) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                     + OwnedPool.applicationName(schema) + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
