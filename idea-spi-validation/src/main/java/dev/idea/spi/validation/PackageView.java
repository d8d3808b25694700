package dev.idea.spi.validation;

import dev.idea.api.Digest;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A read-only view of a package that has been unpacked safely into a private sandbox.
 *
 * <p>Entries are normalized relative paths with {@code /} separators, sorted by path; every path and
 * every link target stays inside the sandbox. Thread-safe: validators read it concurrently.
 *
 * @since 0.1
 */
public interface PackageView {

    /**
     * Returns SHA-256 of the package as submitted.
     *
     * @return the package digest
     */
    Digest packageDigest();

    /**
     * Returns the package length in bytes.
     *
     * @return the size
     */
    long size();

    /**
     * Returns the detected format: {@code tar+gzip}, {@code tar}, {@code zip}, {@code gzip} or {@code file}.
     *
     * @return the format
     */
    String format();

    /**
     * Returns every entry, sorted by path.
     *
     * @return the entries
     */
    List<PackageEntry> entries();

    /**
     * Opens a regular file entry.
     *
     * @param entry an entry of {@link #entries()} of type {@link PackageEntry.Type#FILE}
     * @return a stream the caller closes
     */
    InputStream open(PackageEntry entry);

    /**
     * Returns the sandbox directory holding the unpacked entries, for validators that must run
     * something against a copy of the package (they copy it first; the sandbox itself is never written).
     *
     * @return the sandbox root
     */
    Path root();
}
