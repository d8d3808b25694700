package dev.idea.spi.storage;

import dev.idea.api.IdeaProvider;

/**
 * Entry point of a storage implementation, discovered by {@link java.util.ServiceLoader} and
 * selected by {@link #id()}.
 *
 * @since 0.1
 */
public interface StorageProvider extends IdeaProvider {

    /**
     * Opens the storage, repairing what a crash may have left (e.g. a torn log tail).
     *
     * @param context settings, data directory and clock
     * @return the open storage
     * @throws dev.idea.api.StorageException when the medium cannot be opened
     * @throws dev.idea.api.ConfigurationException when a setting is missing or wrong
     */
    Storage open(StorageContext context);
}
