package dev.idea.core.rules;

import dev.idea.api.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Test resources under src/test/resources/rules. */
final class RuleResources {
    static final Path SOURCE_DIR = Path.of("src", "test", "resources", "rules");

    private RuleResources() {
    }

    static Bytes bytes(String name) {
        try (InputStream in = RuleResources.class.getResourceAsStream("/rules/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource rules/" + name);
            }
            return Bytes.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DefaultRulePlanner planner() {
        return new DefaultRulePlanner(8, dev.idea.core.rules.telemetry.RuleTelemetries.create(null, new ClassLoader(null) {
        }));
    }
}
