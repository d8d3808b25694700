/**
 * Every implementation behind the IDEA API. Exports no package: applications use {@code dev.idea.api}
 * and reach this module only through the services it provides.
 */
// micrometer-core is an automatic module (Automatic-Module-Name micrometer.core) and an optional one.
@SuppressWarnings("requires-automatic")
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
    requires com.github.benmanes.caffeine;
    requires com.nimbusds.jose.jwt;
    requires java.net.http;
    requires org.snakeyaml.engine.v2;
    requires static micrometer.core;

    provides dev.idea.api.engine.IdeaEngine with dev.idea.core.DefaultIdeaEngine;
    provides dev.idea.spi.storage.StorageProvider with dev.idea.core.storage.FileSystemStorageProvider;
    provides dev.idea.spi.kernel.KernelProvider with dev.idea.core.kernel.InProcessKernelProvider;
    provides dev.idea.api.rules.RulePlannerFactory with dev.idea.core.rules.DefaultRulePlannerFactory;
    provides dev.idea.api.identity.IdentityVerifierFactory with dev.idea.core.identity.DefaultIdentityVerifierFactory;
    provides dev.idea.spi.validation.PackageValidator with
            dev.idea.core.validation.builtin.ChecksumValidator,
            dev.idea.core.validation.builtin.DependenciesValidator,
            dev.idea.core.validation.builtin.ExportControlValidator,
            dev.idea.core.validation.builtin.FormatValidator,
            dev.idea.core.validation.builtin.LicenseValidator,
            dev.idea.core.validation.builtin.PiiValidator,
            dev.idea.core.validation.builtin.SbomValidator,
            dev.idea.core.validation.builtin.SecretsValidator,
            dev.idea.core.validation.builtin.SizeValidator,
            dev.idea.core.validation.builtin.SmokeValidator;

    uses dev.idea.spi.kms.KmsProvider;
    uses dev.idea.spi.storage.StorageProvider;
    uses dev.idea.spi.kernel.KernelProvider;
    uses dev.idea.spi.validation.PackageValidator;
}
