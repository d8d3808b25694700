package dev.idea.api;

import java.util.Objects;

/**
 * One entry of a DSSE envelope's {@code signatures} array.
 *
 * @param keyid an unauthenticated hint naming the key; empty when absent. Never used for trust.
 * @param sig the signature over the envelope's PAE
 * @since 0.1
 */
public record DsseSignature(String keyid, Bytes sig) {

    /** Validates presence. */
    public DsseSignature {
        Objects.requireNonNull(keyid, "keyid (use \"\" when there is no hint)");
        Objects.requireNonNull(sig, "sig");
    }
}
