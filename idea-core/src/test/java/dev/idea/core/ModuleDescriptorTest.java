package dev.idea.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Asserts the exported packages of every module built before idea-core's tests run. */
class ModuleDescriptorTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "idea-api;dev.idea.api;dev.idea.api,dev.idea.api.engine,dev.idea.api.governance,dev.idea.api.guard,dev.idea.api.identity,dev.idea.api.merkle,dev.idea.api.rules,dev.idea.api.simulation,dev.idea.api.upgrade",
        "idea-spi-kms;dev.idea.spi.kms;dev.idea.spi.kms",
        "idea-spi-storage;dev.idea.spi.storage;dev.idea.spi.storage",
        "idea-spi-kernel;dev.idea.spi.kernel;dev.idea.spi.kernel",
        "idea-spi-validation;dev.idea.spi.validation;dev.idea.spi.validation",
        "idea-kms-local;dev.idea.kms.local;dev.idea.kms.local",
        "idea-core;dev.idea.core;",
        "idea-testkit;dev.idea.testkit;dev.idea.testkit,dev.idea.testkit.contract,dev.idea.testkit.identity,dev.idea.testkit.kernel,dev.idea.testkit.storage"
    })
    void descriptor_exportsExactlyThePublicPackages(String artifact, String module, String exports) {
        ModuleDescriptor descriptor = descriptor(artifact);
        assertThat(descriptor.name()).isEqualTo(module);
        Set<String> actual = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = exports == null ? Set.of() : new TreeSet<>(Set.of(exports.split(",")));
        assertThat(actual).isEqualTo(expected);
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "idea-core;dev.idea.api.engine.IdeaEngine;dev.idea.core.DefaultIdeaEngine",
        "idea-core;dev.idea.spi.storage.StorageProvider;dev.idea.core.storage.FileSystemStorageProvider",
        "idea-core;dev.idea.spi.kernel.KernelProvider;dev.idea.core.kernel.InProcessKernelProvider",
        "idea-core;dev.idea.api.rules.RulePlannerFactory;dev.idea.core.rules.DefaultRulePlannerFactory",
        "idea-core;dev.idea.api.identity.IdentityVerifierFactory;dev.idea.core.identity.DefaultIdentityVerifierFactory",
        "idea-core;dev.idea.spi.validation.PackageValidator;dev.idea.core.validation.builtin.LicenseValidator",
        "idea-core;dev.idea.spi.validation.PackageValidator;dev.idea.core.validation.builtin.SmokeValidator",
        "idea-kms-local;dev.idea.spi.kms.KmsProvider;dev.idea.kms.local.LocalKmsProvider"
    })
    void descriptor_providesItsServicesOnModulePathAndClassPath(String artifact, String service, String implementation)
            throws Exception {
        ModuleDescriptor descriptor = descriptor(artifact);
        assertThat(descriptor.provides()).anyMatch(p -> p.service().equals(service) && p.providers().contains(implementation));
        Path services = classes(artifact).resolve("META-INF/services/" + service);
        assertThat(Files.readAllLines(services)).contains(implementation);
    }

    private static ModuleDescriptor descriptor(String artifact) {
        Set<ModuleReference> found = ModuleFinder.of(classes(artifact)).findAll();
        assertThat(found).as("module-info.class of " + artifact).hasSize(1);
        return found.iterator().next().descriptor();
    }

    private static Path classes(String artifact) {
        return Path.of("..", artifact, "target", "classes");
    }
}
