/**
 * Test support for IDEA users and SPI authors: the local KMS (from idea-kms-local), strict in-memory
 * storage, a fake kernel, a fake OIDC identity provider, a mutable clock, jqwik arbitraries and the SPI contract kits.
 */
module dev.idea.testkit {
    requires transitive dev.idea.api;
    requires transitive dev.idea.spi.kms;
    requires transitive dev.idea.spi.storage;
    requires transitive dev.idea.spi.kernel;
    requires transitive dev.idea.kms.local;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;
    requires jdk.httpserver;

    exports dev.idea.testkit;
    exports dev.idea.testkit.contract;
    exports dev.idea.testkit.identity;
    exports dev.idea.testkit.kernel;
    exports dev.idea.testkit.storage;

    opens dev.idea.testkit.contract to org.junit.platform.commons;

    provides dev.idea.spi.kernel.KernelProvider with dev.idea.testkit.kernel.FakeKernelProvider;
    provides dev.idea.spi.storage.StorageProvider with dev.idea.testkit.storage.InMemoryStorageProvider;
}
