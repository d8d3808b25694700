package dev.idea.kms.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void descriptor_compiledModuleInfo_exportsOnePackageAndProvidesKmsProvider() throws IOException, URISyntaxException {
        // Read this module's own descriptor: on the class path a resource lookup could find the JDK's.
        Path classes = Path.of(LocalKms.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("dev.idea.kms.local", descriptor.name());
        assertEquals(Set.of("dev.idea.kms.local"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        var provides = descriptor.provides().stream().filter(p -> p.service().equals("dev.idea.spi.kms.KmsProvider")).toList();
        assertEquals(1, provides.size());
        assertEquals(List.of(LocalKmsProvider.class.getName()), provides.get(0).providers());
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.containsAll(Set.of("dev.idea.spi.kms", "org.bouncycastle.provider")), requires.toString());
    }
}
