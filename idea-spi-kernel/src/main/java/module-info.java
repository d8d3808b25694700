/** Service provider interface for the kernel that signs manifests and keeps the signer registry. */
module dev.idea.spi.kernel {
    requires transitive dev.idea.api;

    exports dev.idea.spi.kernel;
}
