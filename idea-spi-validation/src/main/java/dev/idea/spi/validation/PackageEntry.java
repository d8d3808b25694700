package dev.idea.spi.validation;

import java.util.Objects;

/**
 * One entry of an unpacked package.
 *
 * @param path normalized relative path with {@code /} separators, e.g. {@code bin/start.sh}
 * @param type what the entry is
 * @param size content length in bytes (0 for directories and links)
 * @since 0.1
 */
public record PackageEntry(String path, Type type, long size) {

    /** Validates the fields. */
    public PackageEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }

    /** Kinds of entries a package may hold. */
    public enum Type {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link whose target stays inside the package. */
        SYMLINK
    }
}
