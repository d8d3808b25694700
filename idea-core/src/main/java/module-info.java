/** Every implementation behind the IDEA API; exports no package. */
module dev.idea.core {
    requires dev.idea.api;
    requires dev.idea.spi.storage;
    requires org.slf4j;

    provides dev.idea.spi.storage.StorageProvider with dev.idea.core.storage.FileSystemStorageProvider;
}
