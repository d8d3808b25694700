package dev.idea.core.validation;

import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import dev.idea.spi.validation.PackageEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.function.LongSupplier;

/**
 * Materializes accepted archive entries in a sandbox root, or only counts them when there is no root
 * (a format check without validators).
 *
 * <p>Symbolic links are recorded as entries but never created on disk, and hard links become copies
 * of their (earlier) target, so the sandbox only ever holds directories and regular files. Not
 * thread-safe.
 */
final class EntryWriter {
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final EntryPolicy policy;
    private final byte[] buffer = new byte[BUFFER];

    /**
     * Creates a writer.
     *
     * @param root the sandbox root, or null to discard contents
     * @param policy the rules and counters of this package
     */
    EntryWriter(Path root, EntryPolicy policy) {
        this.root = root;
        this.policy = policy;
    }

    EntryPolicy policy() {
        return policy;
    }

    void directory(String rawPath) throws IOException {
        String path = policy.normalize(rawPath);
        if (path.isEmpty()) {
            return;
        }
        policy.accept(path, PackageEntry.Type.DIRECTORY, 0);
        if (root != null) {
            Files.createDirectories(root.resolve(path), Sandbox.dirAttributes());
        }
    }

    /**
     * Writes one regular file, counting every byte against the limits.
     *
     * @param rawPath the entry path as the archive holds it
     * @param content the entry's content, read to its end
     * @param compressedSoFar compressed bytes of the whole package consumed so far
     * @param entryCompressed compressed size of this entry when known (zip), else -1
     * @return bytes written
     */
    long file(String rawPath, InputStream content, LongSupplier compressedSoFar, long entryCompressed) throws IOException {
        String path = policy.normalize(rawPath);
        if (path.isEmpty()) {
            throw new ValidationException(ErrorCode.ARCHIVE_PATH_TRAVERSAL, "a file entry is named \""
                    + EntryPolicy.printable(rawPath) + "\", the package root itself; rebuild the archive");
        }
        policy.accept(path, PackageEntry.Type.FILE, 0);
        long total = 0;
        try (OutputStream out = open(path)) {
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                total += n;
                policy.expanded(n, compressedSoFar.getAsLong());
                if (entryCompressed >= 0) {
                    policy.checkRatio(total, entryCompressed, "entry \"" + EntryPolicy.printable(path) + "\"");
                }
                out.write(buffer, 0, n);
            }
        }
        policy.resize(path, total);
        return total;
    }

    void symlink(String rawPath, String target) {
        String path = policy.normalize(rawPath);
        if (path.isEmpty()) {
            throw new ValidationException(ErrorCode.ARCHIVE_LINK_ESCAPE, "a link replaces the package root itself (\""
                    + EntryPolicy.printable(rawPath) + "\"); remove it from the archive");
        }
        policy.checkSymlinkTarget(path, target);
        policy.accept(path, PackageEntry.Type.SYMLINK, 0);
    }

    void hardLink(String rawPath, String target, LongSupplier compressedSoFar) throws IOException {
        String path = policy.normalize(rawPath);
        PackageEntry source = policy.hardLinkTarget(path, target);
        if (root == null) {
            policy.accept(path, PackageEntry.Type.FILE, source.size());
            policy.expanded(source.size(), compressedSoFar.getAsLong());
            return;
        }
        try (InputStream in = Files.newInputStream(root.resolve(source.path()))) {
            file(rawPath, in, compressedSoFar, -1);
        }
    }

    private OutputStream open(String path) throws IOException {
        if (root == null) {
            return OutputSink.INSTANCE;
        }
        Path target = root.resolve(path);
        Path parent = target.getParent();
        if (parent != null && !parent.equals(root)) {
            Files.createDirectories(parent, Sandbox.dirAttributes());
        }
        return Channels.newOutputStream(Files.newByteChannel(target,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), Sandbox.fileAttributes()));
    }
}
