package dev.idea.spi.validation;

import dev.idea.api.HashAlgorithm;
import dev.idea.api.IdeaProvider;
import java.util.Set;

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
     * Returns the digests of the whole package, beyond SHA-256 (always computed), that this validator
     * reads with {@link PackageView#packageDigest(HashAlgorithm)} under these settings. The pipeline
     * asks every validator of a package type once, when it is configured, and computes the union in
     * its single read pass; the default is none, so an unused algorithm costs nothing.
     *
     * @param settings this validator's settings for the package type
     * @return the extra algorithms, empty by default
     * @throws dev.idea.api.ConfigurationException when a setting is invalid
     */
    default Set<HashAlgorithm> packageDigests(ValidatorSettings settings) {
        return Set.of();
    }

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
