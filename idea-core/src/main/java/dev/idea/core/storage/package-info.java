/**
 * The embedded storage provider: blobs, records and append-only logs kept in a local directory,
 * crash-safe through checksummed frames, fsync and atomic renames.
 *
 * <p>Everything here is package-private except {@link dev.idea.core.storage.FileSystemStorageProvider},
 * which {@link java.util.ServiceLoader} instantiates.
 */
package dev.idea.core.storage;
