package dev.idea.spi.validation;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.api.ValidationException;
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
     * Returns a digest of the package as submitted, computed in the same single read pass as its
     * SHA-256. SHA-256 is always available; another algorithm only when a validator of the package
     * type asked for it with {@link PackageValidator#packageDigests(ValidatorSettings)}, so that
     * the default pass does not pay for it.
     *
     * @param algorithm the hash function
     * @return the package digest with that algorithm
     * @throws ValidationException with {@link ErrorCode#PACKAGE_DIGEST_NOT_COMPUTED} when the pass did
     *     not compute it
     */
    default Digest packageDigest(HashAlgorithm algorithm) {
        if (algorithm == HashAlgorithm.SHA_256) {
            return packageDigest();
        }
        throw new ValidationException(ErrorCode.PACKAGE_DIGEST_NOT_COMPUTED, "the package " + algorithm.prefix()
                + " digest was not computed (only sha256 was); return " + algorithm.name()
                + " from the validator's packageDigests(settings) so that the read pass computes it");
    }

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
