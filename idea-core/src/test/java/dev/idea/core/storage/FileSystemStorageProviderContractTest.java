package dev.idea.core.storage;

import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import dev.idea.testkit.contract.StorageProviderContractTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

class FileSystemStorageProviderContractTest extends StorageProviderContractTest {

    @Override
    protected StorageProvider provider() {
        return new FileSystemStorageProvider();
    }

    @Override
    protected StorageContext context(Path tempDir) {
        return new StorageContext(Map.of(), tempDir, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }
}
