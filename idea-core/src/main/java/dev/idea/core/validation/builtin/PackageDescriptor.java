package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageView;
import java.io.IOException;
import java.util.Optional;

/**
 * The optional {@code idea-package.json} at a package's root, which declares the package license and
 * its smoke command (format in docs/validators.md).
 */
final class PackageDescriptor {
    /** Path of the descriptor inside a package. */
    static final String PATH = "idea-package.json";
    /** Largest descriptor read. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final JsonLimits LIMITS = new JsonLimits(MAX_BYTES, 16, 64 * 1024);

    private PackageDescriptor() {
    }

    /** The descriptor, or why it cannot be read. */
    record Result(Optional<JsonObject> descriptor, Optional<String> problem) {
    }

    /** Reads and strictly parses the descriptor when the package has one. */
    static Result read(PackageView pkg) {
        Optional<PackageEntry> entry = EntryFiles.file(pkg, PATH);
        if (entry.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty());
        }
        if (entry.get().size() > MAX_BYTES) {
            return new Result(Optional.empty(), Optional.of(PATH + " is " + entry.get().size() + " bytes; the limit is " + MAX_BYTES));
        }
        try {
            return new Result(Optional.of(Json.parseObject(EntryFiles.readAll(pkg, entry.get(), MAX_BYTES), LIMITS)), Optional.empty());
        } catch (FormatException e) {
            return new Result(Optional.empty(), Optional.of(PATH + " is not valid JSON: " + e.getMessage()));
        } catch (IOException e) {
            return new Result(Optional.empty(), Optional.of("cannot read " + PATH + ": " + e.getMessage()));
        }
    }
}
