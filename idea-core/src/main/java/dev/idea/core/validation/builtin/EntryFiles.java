package dev.idea.core.validation.builtin;

import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageView;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading of package entries shared by the validators. */
final class EntryFiles {
    private EntryFiles() {
    }

    /** Returns the file name: the part of the path after the last {@code /}. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Returns the directory part of a path with its trailing {@code /}, or {@code ""} at the root. */
    static String directory(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** Returns the regular file with this exact path, if the package holds one. */
    static Optional<PackageEntry> file(PackageView pkg, String path) {
        for (PackageEntry e : pkg.entries()) {
            if (e.type() == PackageEntry.Type.FILE && e.path().equals(path)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a whole entry that is at most {@code maxBytes} long; the caller checks the size first,
     * and a file that grew past it is refused here.
     *
     * @throws IOException when reading fails or the content is longer than {@code maxBytes}
     */
    static byte[] readAll(PackageView pkg, PackageEntry entry, int maxBytes) throws IOException {
        try (InputStream in = pkg.open(entry)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(entry.path() + " holds more than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
