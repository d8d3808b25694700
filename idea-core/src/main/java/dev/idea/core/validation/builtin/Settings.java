package dev.idea.core.validation.builtin;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorSettings;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validator's settings read with types and ranges; every bad value fails with a
 * {@link ConfigurationException} ({@link ErrorCode#CONFIG_INVALID}) that names the validator, the key,
 * the value and what is accepted.
 *
 * <p>Unknown keys are refused too, so that a misspelt setting fails instead of being ignored.
 * Immutable and thread-safe.
 */
final class Settings {
    private final String validator;
    private final ValidatorSettings settings;

    private Settings(String validator, ValidatorSettings settings) {
        this.validator = validator;
        this.settings = settings;
    }

    /**
     * Wraps settings after checking that every key is known.
     *
     * @throws ConfigurationException when a key is not one of {@code known}
     */
    static Settings of(String validator, ValidatorSettings settings, Set<String> known) {
        for (String key : settings.values().keySet()) {
            if (!known.contains(key)) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "validator " + validator + ": unknown setting \""
                        + key + "\"; the known settings are " + new TreeSet<>(known) + " (see docs/validators.md)");
            }
        }
        return new Settings(validator, settings);
    }

    String string(String key, String defaultValue) {
        return settings.get(key).map(String::trim).orElse(defaultValue);
    }

    List<String> list(String key, List<String> defaultValue) {
        return settings.get(key).isPresent() ? settings.list(key) : defaultValue;
    }

    boolean has(String key) {
        return settings.get(key).isPresent();
    }

    long longValue(String key, long defaultValue, long min, long max) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(key, raw, "an integer from " + min + " to " + max);
    }

    double doubleValue(String key, double defaultValue, double min, double max) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(key, raw, "a decimal number from " + min + " to " + max);
    }

    boolean bool(String key, boolean defaultValue) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, raw, "true or false");
        };
    }

    Finding.Severity severity(String key, Finding.Severity defaultValue) {
        String raw = settings.get(key).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Finding.Severity.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key, raw, "one of INFO, WARNING, ERROR");
        }
    }

    /** Builds the exception for a bad value of {@code key}. */
    ConfigurationException invalid(String key, String raw, String expected) {
        return new ConfigurationException(ErrorCode.CONFIG_INVALID, "validator " + validator + ": setting " + key + " = \""
                + Redaction.abbreviate(raw) + "\" is invalid; use " + expected + " (see docs/validators.md)");
    }
}
