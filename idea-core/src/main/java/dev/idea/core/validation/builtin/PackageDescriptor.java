package dev.idea.core.validation.builtin;

import dev.idea.api.FormatException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageView;
import java.io.IOException;
import java.util.List;
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

    /**
     * The descriptor, or why it cannot be read.
     *
     * @param descriptor the parsed descriptor
     * @param problem why it cannot be read otherwise
     * @param places where {@code $.license} and {@code $.smoke} are, or the problem (under {@code ""})
     */
    record Result(Optional<JsonObject> descriptor, Optional<String> problem, JsonPlaces places) {

        /** Returns the 1-based line of a member such as {@code $.smoke}, or of the problem for {@code ""}; 0 when unknown. */
        long line(String path) {
            return places.line(path);
        }

        /** Returns the byte offset of a member such as {@code $.smoke}, or of the problem for {@code ""}; -1 when unknown. */
        long offset(String path) {
            return places.offset(path);
        }
    }

    /** Reads and strictly parses the descriptor when the package has one. */
    static Result read(PackageView pkg) {
        Optional<PackageEntry> entry = EntryFiles.file(pkg, PATH);
        if (entry.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), JsonPlaces.NONE);
        }
        if (entry.get().size() > MAX_BYTES) {
            return new Result(Optional.empty(), Optional.of(PATH + " is " + entry.get().size() + " bytes; the limit is " + MAX_BYTES),
                    JsonPlaces.NONE);
        }
        byte[] bytes;
        try {
            bytes = EntryFiles.readAll(pkg, entry.get(), MAX_BYTES);
        } catch (IOException e) {
            return new Result(Optional.empty(), Optional.of("cannot read " + PATH + ": " + e.getMessage()), JsonPlaces.NONE);
        }
        try {
            JsonObject descriptor = Json.parseObject(bytes, LIMITS);
            return new Result(Optional.of(descriptor), Optional.empty(), JsonPlaces.of(bytes, LIMITS, List.of("$.license", "$.smoke")));
        } catch (FormatException e) {
            return new Result(Optional.empty(), Optional.of(PATH + " is not valid JSON: " + e.getMessage()),
                    JsonPlaces.ofProblem(bytes, LIMITS, e.getMessage()));
        }
    }
}
