/** Every implementation behind the IDEA API; exports no package. */
module dev.idea.core {
    requires dev.idea.api;
    requires dev.idea.spi.kms;
    requires dev.idea.spi.storage;
    requires dev.idea.spi.kernel;

    provides dev.idea.spi.kernel.KernelProvider with dev.idea.core.kernel.InProcessKernelProvider;
}
