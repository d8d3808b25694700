package dev.idea.spi.storage;

import dev.idea.api.Bytes;
import java.util.Objects;

/**
 * A record and the version it was read at.
 *
 * @param key the key
 * @param version at least 1
 * @param value the content
 * @since 0.1
 */
public record VersionedRecord(String key, long version, Bytes value) {

    /** Validates the fields. */
    public VersionedRecord {
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        Objects.requireNonNull(value, "value");
    }
}
