package dev.idea.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void descriptor_compiledModuleInfo_exportsOnlyTheProviderPackageAndProvidesStorageProvider() throws Exception {
        // Read this module's own descriptor: on the class path a resource lookup could find another's.
        Path classes = Path.of(JdbcStorageProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("dev.idea.storage.jdbc", descriptor.name());
        assertEquals(Set.of("dev.idea.storage.jdbc"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        var provides = descriptor.provides().stream().filter(p -> p.service().equals("dev.idea.spi.storage.StorageProvider")).toList();
        assertEquals(1, provides.size());
        assertEquals(List.of(JdbcStorageProvider.class.getName()), provides.get(0).providers());
        Set<String> requires = descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.containsAll(Set.of("dev.idea.spi.storage", "java.sql", "com.zaxxer.hikari")), requires.toString());
        assertFalse(requires.contains("org.postgresql.jdbc"), "the driver is a run-time dependency only");
        assertEquals(List.of(JdbcStorageProvider.class.getName()), Files.readAllLines(
                classes.resolve("META-INF/services/dev.idea.spi.storage.StorageProvider")));
    }
}
