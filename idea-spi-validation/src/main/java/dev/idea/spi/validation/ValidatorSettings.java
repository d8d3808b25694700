package dev.idea.spi.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A validator's settings for one package type, as string key-value pairs (lists are comma-separated).
 *
 * <p>The pipeline records a digest of the settings in the report, so that a report names the exact
 * configuration it was produced under.
 *
 * @param values the settings, sorted by key
 * @since 0.1
 */
public record ValidatorSettings(SortedMap<String, String> values) {

    /** Copies the settings into an unmodifiable sorted map. */
    public ValidatorSettings {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * Creates settings from a map.
     *
     * @param values the settings
     * @return the settings
     */
    public static ValidatorSettings of(Map<String, String> values) {
        return new ValidatorSettings(new TreeMap<>(values));
    }

    /**
     * Returns no settings.
     *
     * @return empty settings
     */
    public static ValidatorSettings empty() {
        return new ValidatorSettings(new TreeMap<>());
    }

    /**
     * Returns one setting.
     *
     * @param key the name
     * @return the value, if set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Returns a comma-separated list setting, trimmed, without empty items.
     *
     * @param key the name
     * @return the items, empty when unset
     */
    public List<String> list(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
