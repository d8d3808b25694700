package dev.idea.api.engine;

import dev.idea.api.IdeaProvider;
import dev.idea.api.StartupRequirement;
import dev.idea.api.ValidationLimits;
import dev.idea.api.governance.GovernanceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link dev.idea.api.Idea.Builder} collected, handed to the {@link IdeaEngine}.
 *
 * @param dataDirectory where embedded providers keep their files, or null
 * @param storageId the storage provider id
 * @param kmsId the KMS provider id, or null when none was chosen
 * @param kernelId the kernel provider id
 * @param providers providers passed in code, in registration order
 * @param properties provider settings, e.g. {@code idea.kernel.key-ref}
 * @param environment environment variables consulted for start-up requirements and settings
 * @param requirements start-up requirements switched on in code
 * @param clock the only source of time
 * @param validationLimits package validation bounds
 * @param providerTimeout how long a KMS or kernel call may take
 * @param governance the governance inputs passed in code, or null (since 0.2)
 * @since 0.1
 */
public record IdeaConfig(
        Path dataDirectory,
        String storageId,
        String kmsId,
        String kernelId,
        List<IdeaProvider> providers,
        Map<String, String> properties,
        Map<String, String> environment,
        Set<StartupRequirement> requirements,
        Clock clock,
        ValidationLimits validationLimits,
        Duration providerTimeout,
        GovernanceOptions governance) {

    /** Validates presence and copies collections. */
    public IdeaConfig {
        Objects.requireNonNull(storageId, "storageId");
        Objects.requireNonNull(kernelId, "kernelId");
        providers = List.copyOf(providers);
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
        requirements = Set.copyOf(requirements);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(validationLimits, "validationLimits");
        Objects.requireNonNull(providerTimeout, "providerTimeout");
    }

    /**
     * Creates a configuration without governance inputs passed in code (the 0.1 shape).
     *
     * @param dataDirectory where embedded providers keep their files, or null
     * @param storageId the storage provider id
     * @param kmsId the KMS provider id, or null when none was chosen
     * @param kernelId the kernel provider id
     * @param providers providers passed in code, in registration order
     * @param properties provider settings
     * @param environment environment variables consulted for start-up requirements and settings
     * @param requirements start-up requirements switched on in code
     * @param clock the only source of time
     * @param validationLimits package validation bounds
     * @param providerTimeout how long a KMS or kernel call may take
     */
    public IdeaConfig(Path dataDirectory, String storageId, String kmsId, String kernelId, List<IdeaProvider> providers,
                      Map<String, String> properties, Map<String, String> environment,
                      Set<StartupRequirement> requirements, Clock clock, ValidationLimits validationLimits,
                      Duration providerTimeout) {
        this(dataDirectory, storageId, kmsId, kernelId, providers, properties, environment, requirements, clock,
                validationLimits, providerTimeout, null);
    }

    /**
     * Looks a setting up: first the property {@code key}, then the environment variable {@code env}.
     *
     * @param key the property key, e.g. {@code idea.kernel.key-ref}
     * @param env the environment variable, e.g. {@code IDEA_KMS_KEY_REF}, or null
     * @return the value, if set and not blank
     */
    public Optional<String> setting(String key, String env) {
        String value = properties.get(key);
        if ((value == null || value.isBlank()) && env != null) {
            value = environment.get(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Returns the data directory.
     *
     * @return the directory, if one was configured
     */
    public Optional<Path> dataDirectoryOption() {
        return Optional.ofNullable(dataDirectory);
    }

    /**
     * Returns the governance inputs passed in code.
     *
     * @return the options, if {@code Idea.Builder.governance} was called
     * @since 0.2
     */
    public Optional<GovernanceOptions> governanceOption() {
        return Optional.ofNullable(governance);
    }
}
