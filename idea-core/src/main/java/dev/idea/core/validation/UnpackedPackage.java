package dev.idea.core.validation;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.ValidationException;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link PackageView} validators see: the entries {@link ArchiveUnpacker} accepted and the
 * sandbox root they were written to. Immutable and thread-safe; files are opened read-only.
 */
final class UnpackedPackage implements PackageView {
    private final Map<HashAlgorithm, Digest> digests;
    private final long size;
    private final String format;
    private final List<PackageEntry> entries;
    private final Path root;

    UnpackedPackage(Map<HashAlgorithm, Digest> digests, long size, String format, List<PackageEntry> entries, Path root) {
        this.digests = Map.copyOf(digests);
        this.size = size;
        this.format = format;
        this.entries = List.copyOf(entries);
        this.root = root;
    }

    @Override
    public Digest packageDigest() {
        return digests.get(HashAlgorithm.SHA_256);
    }

    @Override
    public Digest packageDigest(HashAlgorithm algorithm) {
        Digest digest = digests.get(Objects.requireNonNull(algorithm, "algorithm"));
        return digest != null ? digest : PackageView.super.packageDigest(algorithm);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public List<PackageEntry> entries() {
        return entries;
    }

    @Override
    public InputStream open(PackageEntry entry) {
        Objects.requireNonNull(entry, "entry");
        int at = Collections.binarySearch(entries, entry, Comparator.comparing(PackageEntry::path));
        if (entry.type() != PackageEntry.Type.FILE || at < 0 || !entries.get(at).equals(entry)) {
            throw new IllegalArgumentException("not a regular file entry of this package: " + entry);
        }
        try {
            return Files.newInputStream(root.resolve(entry.path()), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ValidationException(ErrorCode.PACKAGE_SOURCE_UNAVAILABLE, "unpacked entry " + entry.path()
                    + " cannot be read from the sandbox (" + e + "); was the sandbox removed while validating?", e);
        }
    }

    @Override
    public Path root() {
        return root;
    }
}
