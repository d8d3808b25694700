package dev.idea.core.validation.builtin;

import dev.idea.api.Digest;
import dev.idea.api.HashAlgorithm;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A {@link PackageView} over a directory, for tests: the package digest is SHA-256 over the sorted paths and contents. */
final class DirectoryPackageView implements PackageView {
    private final Path root;
    private final List<PackageEntry> entries;
    private final String format;

    private DirectoryPackageView(Path root, List<PackageEntry> entries, String format) {
        this.root = root;
        this.entries = entries;
        this.format = format;
    }

    static DirectoryPackageView of(Path root) {
        return of(root, "tar+gzip");
    }

    static DirectoryPackageView of(Path root, String format) {
        List<PackageEntry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.comparing(Path::toString)).toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String path = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    entries.add(new PackageEntry(path, PackageEntry.Type.SYMLINK, 0));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new PackageEntry(path, PackageEntry.Type.DIRECTORY, 0));
                } else {
                    entries.add(new PackageEntry(path, PackageEntry.Type.FILE, Files.size(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.sort(Comparator.comparing(PackageEntry::path));
        return new DirectoryPackageView(root, List.copyOf(entries), format);
    }

    @Override
    public Digest packageDigest() {
        var md = HashAlgorithm.SHA_256.newMessageDigest();
        try {
            for (PackageEntry e : entries) {
                md.update(e.path().getBytes(StandardCharsets.UTF_8));
                if (e.type() == PackageEntry.Type.FILE) {
                    md.update(Files.readAllBytes(root.resolve(e.path())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Digest.ofSha256(md.digest());
    }

    @Override
    public long size() {
        return entries.stream().mapToLong(PackageEntry::size).sum();
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
        try {
            return Files.newInputStream(root.resolve(entry.path()), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path root() {
        return root;
    }
}
