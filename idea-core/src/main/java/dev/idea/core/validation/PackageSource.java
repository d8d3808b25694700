package dev.idea.core.validation;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where package bytes come from: a file or memory. It can be opened more than once, so that the
 * package is validated before anything is stored.
 */
public interface PackageSource {

    /**
     * Returns the length in bytes.
     *
     * @return the size
     */
    long size();

    /**
     * Opens a fresh stream from the first byte.
     *
     * @return a stream the caller closes
     */
    InputStream open();

    /**
     * Returns a short description for messages, e.g. the path.
     *
     * @return the description
     */
    String describe();

    /**
     * A package in a file.
     *
     * @param path the file
     * @return the source
     * @throws ValidationException with {@link ErrorCode#PACKAGE_SOURCE_UNAVAILABLE} when it cannot be read
     */
    static PackageSource of(Path path) {
        long size;
        try {
            if (!Files.isRegularFile(path)) {
                throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, "package " + path
                        + " is not a regular file; pass the path of the package archive");
            }
            size = Files.size(path);
        } catch (IOException e) {
            throw unavailable(path, e);
        }
        return new PackageSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                try {
                    return Files.newInputStream(path);
                } catch (IOException e) {
                    throw unavailable(path, e);
                }
            }

            @Override
            public String describe() {
                return path.toString();
            }
        };
    }

    /**
     * A package in memory.
     *
     * @param content the bytes
     * @return the source
     */
    static PackageSource of(Bytes content) {
        return new PackageSource() {
            @Override
            public long size() {
                return content.size();
            }

            @Override
            public InputStream open() {
                return content.openStream();
            }

            @Override
            public String describe() {
                return "in-memory package of " + content.size() + " bytes";
            }
        };
    }

    private static ValidationException unavailable(Path path, IOException e) {
        String reason = e instanceof NoSuchFileException ? "does not exist" : "cannot be read (" + e + ")";
        return new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, "package " + path + " " + reason, e);
    }
}
