package dev.idea.spi.kernel;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import java.util.Objects;

/**
 * A request to sign one manifest.
 *
 * @param manifestId the manifest's id
 * @param payloadType the DSSE payload type
 * @param payload the manifest's canonical JSON
 * @param manifestDigest SHA-256 of {@code payload}
 * @since 0.1
 */
public record SigningRequest(String manifestId, String payloadType, Bytes payload, Digest manifestDigest) {

    /** Validates presence. */
    public SigningRequest {
        Objects.requireNonNull(manifestId, "manifestId");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
    }
}
