package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePackageTest {

    @TempDir
    Path dir;

    @Test
    void locate_fromNestedDirectory_findsPackageInAncestor() throws IOException {
        Path pkg = dir.resolve(SamplePackage.RELATIVE_PATH);
        Files.createDirectories(pkg.getParent());
        Files.write(pkg, new byte[] {1});
        Path nested = Files.createDirectories(dir.resolve("idea-cli/target/classes"));

        assertEquals(Optional.of(pkg), SamplePackage.locate(List.of(dir.resolve("elsewhere"), nested)));
    }

    @Test
    void locate_nowhere_isEmpty() {
        assertTrue(SamplePackage.locate(List.of(dir)).isEmpty());
    }

    @Test
    void locate_fromModuleDirectory_findsRepositorySample() {
        Path found = SamplePackage.locate(Path.of(""));

        assertTrue(Files.isRegularFile(found), found::toString);
    }

    @Test
    void fileName_unsafeCharacters_areReplaced() {
        assertEquals("m_1_2", DemoCommand.fileName("m/1:2"));
        assertEquals("_hidden", DemoCommand.fileName(".hidden"));
    }
}
