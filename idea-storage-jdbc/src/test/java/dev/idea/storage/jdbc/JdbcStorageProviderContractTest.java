package dev.idea.storage.jdbc;

import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import dev.idea.testkit.contract.StorageProviderContractTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The storage compatibility kit against a real PostgreSQL, each test in a fresh schema. */
class JdbcStorageProviderContractTest extends StorageProviderContractTest {
    private String schema;

    @Override
    protected StorageProvider provider() {
        return new JdbcStorageProvider(TestDatabase.get().dataSource());
    }

    @Override
    protected StorageContext context(Path tempDir) {
        if (schema == null) {
            schema = TestDatabase.get().freshSchema("contract");
        }
        return new StorageContext(Map.of(JdbcStorageProvider.SCHEMA_PROPERTY, schema), tempDir, Clock.systemUTC());
    }
}
