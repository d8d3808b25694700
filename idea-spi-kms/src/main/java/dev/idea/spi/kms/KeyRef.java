package dev.idea.spi.kms;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;

/**
 * Names a key inside a KMS; its meaning is the KMS's (a label, an ARN, a slot/label pair).
 *
 * @param value the reference, 1 to 512 characters without control characters
 * @since 0.1
 */
public record KeyRef(String value) {

    /** Validates the reference. */
    public KeyRef {
        if (value == null || value.isBlank() || value.length() > 512 || value.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "key reference \"" + value
                    + "\" is invalid; use 1 to 512 printable characters");
        }
    }

    /**
     * Creates a reference.
     *
     * @param value the reference
     * @return the key reference
     */
    public static KeyRef of(String value) {
        return new KeyRef(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
