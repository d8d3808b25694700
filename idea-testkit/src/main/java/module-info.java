/**
 * Test support for IDEA users and SPI authors: fake kernel, mutable clock, jqwik arbitraries and
 * SPI contract kits.
 */
module dev.idea.testkit {
    requires transitive dev.idea.api;
    requires transitive dev.idea.spi.kms;
    requires transitive dev.idea.spi.storage;
    requires transitive dev.idea.spi.kernel;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;

    exports dev.idea.testkit;
    exports dev.idea.testkit.contract;
    exports dev.idea.testkit.kernel;

    opens dev.idea.testkit.contract to org.junit.platform.commons;

    provides dev.idea.spi.kernel.KernelProvider with dev.idea.testkit.kernel.FakeKernelProvider;
}
