package dev.idea.testkit.storage;

import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import dev.idea.testkit.contract.StorageProviderContractTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

class InMemoryStorageProviderContractTest extends StorageProviderContractTest {

    @Override
    protected StorageProvider provider() {
        return new InMemoryStorageProvider();
    }

    @Override
    protected StorageContext context(Path tempDir) {
        return new StorageContext(Map.of(), null, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }
}
