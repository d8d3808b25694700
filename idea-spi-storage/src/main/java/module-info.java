/** Service provider interface for blob, record and append-only log storage. */
module dev.idea.spi.storage {
    requires transitive dev.idea.api;

    exports dev.idea.spi.storage;
}
