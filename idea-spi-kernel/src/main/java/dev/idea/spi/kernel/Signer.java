package dev.idea.spi.kernel;

import dev.idea.api.VerificationKey;
import java.util.Objects;

/**
 * An entry of the kernel's signer registry.
 *
 * @param signerId the registry id
 * @param key the public key, with its pinned algorithm
 * @param revoked whether signatures by this signer must be refused
 * @since 0.1
 */
public record Signer(String signerId, VerificationKey key, boolean revoked) {

    /** Validates presence. */
    public Signer {
        Objects.requireNonNull(signerId, "signerId");
        Objects.requireNonNull(key, "key");
    }
}
