/** Test support for IDEA users and SPI authors: in-memory storage and SPI contract kits. */
module dev.idea.testkit {
    requires transitive dev.idea.api;
    requires transitive dev.idea.spi.storage;
    requires transitive org.junit.jupiter.api;

    exports dev.idea.testkit.storage;
    exports dev.idea.testkit.contract;

    opens dev.idea.testkit.contract to org.junit.platform.commons;

    provides dev.idea.spi.storage.StorageProvider with dev.idea.testkit.storage.InMemoryStorageProvider;
}
