package dev.idea.spi.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link StorageProvider} is opened with.
 *
 * @param properties settings; a provider reads the keys under {@code idea.storage.<id>.}
 * @param dataDirectory the instance's data directory, or null when none was configured
 * @param clock the only source of time
 * @since 0.1
 */
public record StorageContext(Map<String, String> properties, Path dataDirectory, Clock clock) {

    /** Validates presence and copies the settings. */
    public StorageContext {
        properties = Map.copyOf(properties);
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a setting.
     *
     * @param key the setting name
     * @return its value, if set
     */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
