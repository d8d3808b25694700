package dev.idea.core.validation;

import dev.idea.api.Digest;
import dev.idea.api.HashAlgorithm;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.ValidatorSettings;
import java.util.Objects;
import java.util.Set;

/**
 * A validator selected for a package type, with its settings and their digest.
 *
 * @param validator the validator
 * @param settings its settings for the package type
 * @param settingsDigest SHA-256 of the RFC 8785 canonical JSON object of the settings
 * @param packageDigests the package digests beyond SHA-256 the validator reads under these settings
 */
record ConfiguredValidator(PackageValidator validator, ValidatorSettings settings, Digest settingsDigest,
                           Set<HashAlgorithm> packageDigests) {

    /** Validates presence and copies the set. */
    ConfiguredValidator {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settingsDigest, "settingsDigest");
        packageDigests = Set.copyOf(packageDigests);
    }
}
