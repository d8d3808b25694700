package dev.idea.core.validation;

import dev.idea.api.Digest;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.ValidatorSettings;
import java.util.Objects;

/**
 * A validator selected for a package type, with its settings and their digest.
 *
 * @param validator the validator
 * @param settings its settings for the package type
 * @param settingsDigest SHA-256 of the RFC 8785 canonical JSON object of the settings
 */
record ConfiguredValidator(PackageValidator validator, ValidatorSettings settings, Digest settingsDigest) {

    /** Validates presence. */
    ConfiguredValidator {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settingsDigest, "settingsDigest");
    }
}
