package dev.idea.core.validation;

import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary directory that one validation unpacks a package into, removed on {@link #close()}.
 *
 * <p>Layout: {@code <sandbox>/root/} holds the unpacked entries (what validators see) and
 * {@code <sandbox>/package} a copy of a zip package, read through its central directory. On POSIX file
 * systems every directory is created {@code rwx------} and every file {@code rw-------}.
 *
 * <p>Not thread-safe for writing; validators read the tree concurrently once it is complete.
 *
 * <p>Security guarantees: only directories and regular files are ever created, always with
 * {@code CREATE_NEW} under a path that {@link EntryPolicy} has normalized, so nothing is written
 * outside the sandbox and no link inside it can redirect a write.
 */
final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final Path root;

    private Sandbox(Path dir) throws IOException {
        this.dir = dir;
        this.root = Files.createDirectory(dir.resolve("root"), dirAttributes());
    }

    /**
     * Creates a sandbox under a parent directory.
     *
     * @param parent where to create it; created when missing
     * @return the sandbox
     * @throws ValidationException with {@link ErrorCode#PACKAGE_SOURCE_UNAVAILABLE} when it cannot be created
     */
    static Sandbox create(Path parent) {
        Path dir = null;
        try {
            Files.createDirectories(parent);
            dir = Files.createTempDirectory(parent, "idea-validate-", dirAttributes());
            return new Sandbox(dir);
        } catch (IOException | UnsupportedOperationException e) {
            if (dir != null) {
                delete(dir);
            }
            throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, "cannot create a validation sandbox under "
                    + parent + " (" + e + "); set idea.validation.sandbox-dir to a writable local directory", e);
        }
    }

    Path root() {
        return root;
    }

    Path packageCopy() {
        return dir.resolve("package");
    }

    static FileAttribute<?>[] dirAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)} : new FileAttribute<?>[0];
    }

    static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove validation sandbox {}; remove it by hand", dir, e);
        }
    }
}
