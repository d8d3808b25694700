package dev.idea.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void descriptor_exportsNothingAndNeedsOnlyTheApi() {
        Set<ModuleReference> found = ModuleFinder.of(Path.of("target", "classes")).findAll();
        assertEquals(1, found.size(), "module-info.class in target/classes");
        ModuleDescriptor d = found.iterator().next().descriptor();
        assertEquals("dev.idea.samples", d.name());
        assertTrue(d.exports().isEmpty(), "exports: " + d.exports());
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name)
                .filter(n -> !n.equals("java.base")).collect(Collectors.toSet());
        assertEquals(Set.of("dev.idea.api"), requires);
    }
}
