package dev.idea.spi.kernel;

import dev.idea.api.DsseSignature;
import java.util.Objects;

/**
 * What the kernel returns for a signed manifest.
 *
 * @param manifestSignatureId the kernel's stable id for this signature
 * @param signerId the registry id of the key that signed
 * @param signature the DSSE signature over the request's PAE
 * @since 0.1
 */
public record ManifestSignature(String manifestSignatureId, String signerId, DsseSignature signature) {

    /** Validates presence. */
    public ManifestSignature {
        Objects.requireNonNull(manifestSignatureId, "manifestSignatureId");
        Objects.requireNonNull(signerId, "signerId");
        Objects.requireNonNull(signature, "signature");
    }
}
