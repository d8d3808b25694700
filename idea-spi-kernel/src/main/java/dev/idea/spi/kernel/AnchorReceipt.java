package dev.idea.spi.kernel;

import java.time.Instant;
import java.util.Objects;

/**
 * What a kernel returns for an anchored checkpoint; IDEA records it as an {@code audit.anchor} event.
 *
 * @param anchorId the kernel's stable reference for the anchor (e.g. a ledger transaction id)
 * @param anchoredAt when the kernel anchored it
 * @param signerId the registry id of the key that signed the receipt, or null when unsigned
 * @param signature base64 signature over the checkpoint note by that signer, or null
 * @since 0.2
 */
public record AnchorReceipt(String anchorId, Instant anchoredAt, String signerId, String signature) {

    /** Validates presence. */
    public AnchorReceipt {
        Objects.requireNonNull(anchorId, "anchorId");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
    }
}
