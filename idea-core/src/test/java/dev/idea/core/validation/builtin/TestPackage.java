package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small package into a test's temporary directory. */
final class TestPackage {
    private final Path root;

    private TestPackage(Path root) {
        this.root = root;
    }

    static TestPackage in(Path dir) {
        return new TestPackage(dir);
    }

    TestPackage file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    TestPackage file(String path, byte[] bytes) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DirectoryPackageView view() {
        return DirectoryPackageView.of(root);
    }

    static List<String> rules(ValidatorOutcome outcome) {
        return outcome.findings().stream().map(Finding::rule).toList();
    }

    static List<Finding> withRule(ValidatorOutcome outcome, String rule) {
        return outcome.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
