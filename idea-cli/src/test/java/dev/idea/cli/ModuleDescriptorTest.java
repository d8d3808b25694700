package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void descriptor_cliModule_exportsNothingAndOpensOnlyToPicocli() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor = readDescriptor();

        assertEquals("dev.idea.cli", descriptor.name());
        assertTrue(descriptor.exports().isEmpty(), () -> "exports " + descriptor.exports());
        assertEquals(Set.of("dev.idea.cli -> [info.picocli]"), descriptor.opens().stream()
                .map(o -> o.source() + " -> " + o.targets()).collect(Collectors.toSet()));
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertTrue(requires.containsAll(Set.of("dev.idea.api", "dev.idea.spi.kms", "info.picocli")), requires::toString);
        assertEquals(Set.of("dev.idea.spi.kms.KmsProvider"), descriptor.uses());
    }

    /** On the class path, "/module-info.class" would find the JDK's: read the one next to our classes. */
    private static ModuleDescriptor readDescriptor() throws IOException, URISyntaxException {
        Path location = Path.of(IdeaCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        }
        try (JarFile jar = new JarFile(location.toFile()); InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
