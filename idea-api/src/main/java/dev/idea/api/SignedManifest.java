package dev.idea.api;

import java.util.Objects;

/**
 * A manifest signed by the kernel: the DSSE envelope whose payload is the manifest's canonical
 * JSON, the kernel's {@code manifestSignatureId} for that signature, and the signer's id.
 *
 * <p>Security guarantees: holding an instance proves nothing; call {@link Idea#verify} or
 * {@link IdeaFormats#verifyEnvelope} to check it.
 *
 * @param envelope the DSSE envelope (payloadType {@link Manifest#PAYLOAD_TYPE})
 * @param manifestSignatureId the kernel's id for this signature, carried by later audit events
 * @param signerId the id under which the kernel's signer registry holds the verification key
 * @since 0.1
 */
public record SignedManifest(DsseEnvelope envelope, String manifestSignatureId, String signerId) {

    /** Validates presence. */
    public SignedManifest {
        Objects.requireNonNull(envelope, "envelope");
        Texts.requireText(manifestSignatureId, "manifestSignatureId");
        Texts.requireText(signerId, "signerId");
    }
}
