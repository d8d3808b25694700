package dev.idea.spi.kernel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link KernelProvider} is opened with.
 *
 * @param properties settings; a provider reads the keys under {@code idea.kernel.}
 * @param dataDirectory the instance's data directory, or null
 * @param clock the only source of time
 * @param signingKey the KMS key configured by {@code idea.kernel.key-ref}, or null when no KMS is configured
 * @since 0.1
 */
public record KernelContext(Map<String, String> properties, Path dataDirectory, Clock clock, SigningKey signingKey) {

    /** Validates presence and copies the settings. */
    public KernelContext {
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

    /**
     * Returns the KMS-backed signing key.
     *
     * @return the key, if a KMS is configured
     */
    public Optional<SigningKey> signingKeyOption() {
        return Optional.ofNullable(signingKey);
    }
}
