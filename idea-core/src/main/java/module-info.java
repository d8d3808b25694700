/**
 * Every implementation behind the IDEA API. Exports no package: applications use {@code dev.idea.api}
 * and reach this module only through the services it provides.
 */
module dev.idea.core {
    requires dev.idea.api;
    requires dev.idea.spi.kms;
    requires dev.idea.spi.storage;
    requires dev.idea.spi.kernel;
    requires dev.idea.spi.validation;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires org.bouncycastle.provider;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.core;
    requires org.apache.commons.rng.simple;

    provides dev.idea.api.engine.IdeaEngine with dev.idea.core.DefaultIdeaEngine;
    provides dev.idea.spi.storage.StorageProvider with dev.idea.core.storage.FileSystemStorageProvider;
    provides dev.idea.spi.kernel.KernelProvider with dev.idea.core.kernel.InProcessKernelProvider;

    uses dev.idea.spi.kms.KmsProvider;
    uses dev.idea.spi.storage.StorageProvider;
    uses dev.idea.spi.kernel.KernelProvider;
    uses dev.idea.spi.validation.PackageValidator;
}
