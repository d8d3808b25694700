/** Every implementation behind the IDEA API; exports no package. */
module dev.idea.core {
    requires dev.idea.api;
    requires dev.idea.spi.kms;
    requires dev.idea.spi.storage;
    requires dev.idea.spi.kernel;
    requires org.slf4j;
    requires org.bouncycastle.provider;

    provides dev.idea.spi.storage.StorageProvider with dev.idea.core.storage.FileSystemStorageProvider;
    provides dev.idea.spi.kernel.KernelProvider with dev.idea.core.kernel.InProcessKernelProvider;
}
