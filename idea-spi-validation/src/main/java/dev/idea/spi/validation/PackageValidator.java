package dev.idea.spi.validation;

import dev.idea.api.IdeaProvider;

/**
 * One check of a submitted package, e.g. license, SBOM or secrets scanning.
 *
 * <p>Implementations are stateless and thread-safe, have a public no-argument constructor when
 * registered as a service, and are deterministic: the outcome depends only on the package bytes and
 * the settings, never on time, locale, environment or iteration order of hash-based collections.
 * A validator must treat the package as hostile and never write inside the sandbox.
 *
 * @since 0.1
 */
public interface PackageValidator extends IdeaProvider {

    /**
     * Returns the validator's version, recorded in every report so that a report says exactly which
     * logic produced it.
     *
     * @return e.g. {@code 1.0.0}
     */
    String version();

    /**
     * Inspects a package.
     *
     * @param pkg the unpacked package, read-only
     * @param settings this validator's settings for the package type
     * @return the outcome with every finding
     * @throws dev.idea.api.ConfigurationException when a setting is invalid
     */
    ValidatorOutcome validate(PackageView pkg, ValidatorSettings settings);
}
