package dev.idea.core.validation;

/**
 * What reading an archive found.
 *
 * @param format {@code tar+gzip}, {@code tar}, {@code zip}, {@code gzip} or {@code file}
 * @param entries number of entries (1 for a plain or gzip-compressed file)
 * @param uncompressedBytes total size of the entries' contents
 */
record ArchiveSummary(String format, long entries, long uncompressedBytes) {
}
