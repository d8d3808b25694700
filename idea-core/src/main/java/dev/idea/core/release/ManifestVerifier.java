package dev.idea.core.release;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.Manifest;
import dev.idea.api.SignedManifest;
import dev.idea.api.VerificationException;
import dev.idea.api.VerifiedEnvelope;
import dev.idea.core.codec.ManifestCodec;
import dev.idea.core.dsse.Dsse;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.Signer;
import java.util.List;

/**
 * Verifies signed manifests against the kernel's signer registry.
 *
 * <p>Thread-safe. Security guarantees: a manifest is returned only when the envelope's payload type
 * is the manifest type, the named signer is registered and not revoked, its key (and only its key,
 * whatever the envelope's key id hint says) verifies the signature over the DSSE PAE, and the
 * payload is the manifest's canonical JSON byte for byte.
 */
public final class ManifestVerifier {
    private final Kernel kernel;
    private final String kernelId;
    private final ProviderCalls calls;

    /**
     * Creates a verifier.
     *
     * @param kernel the kernel whose registry is trusted
     * @param kernelId its provider id, for messages
     * @param calls runs registry look-ups with a deadline
     */
    public ManifestVerifier(Kernel kernel, String kernelId, ProviderCalls calls) {
        this.kernel = kernel;
        this.kernelId = kernelId;
        this.calls = calls;
    }

    /**
     * Verifies a signed manifest.
     *
     * @param signed the signed manifest
     * @return the manifest it carries
     * @throws VerificationException with {@link ErrorCode#SIGNER_UNKNOWN}, {@link ErrorCode#SIGNER_REVOKED},
     *     {@link ErrorCode#PAYLOAD_TYPE_MISMATCH}, {@link ErrorCode#SIGNATURE_THRESHOLD_NOT_MET} or
     *     {@link ErrorCode#MANIFEST_MISMATCH}
     */
    public Manifest verify(SignedManifest signed) {
        String signerId = signed.signerId();
        Signer signer = calls.call("kernel '" + kernelId + "' looking up signer " + signerId, () -> kernel.signer(signerId))
                .orElseThrow(() -> new VerificationException(ErrorCode.SIGNER_UNKNOWN, "signer \"" + signerId
                        + "\" is not in the signer registry of kernel '" + kernelId
                        + "'; verify against the kernel that signed it, or register the signer"));
        if (signer.revoked()) {
            throw new VerificationException(ErrorCode.SIGNER_REVOKED, "signer \"" + signerId + "\" (key "
                    + signer.key().keyId() + ") is revoked in kernel '" + kernelId + "'; its signatures are refused");
        }
        VerifiedEnvelope verified = Dsse.verify(signed.envelope(), Manifest.PAYLOAD_TYPE, List.of(signer.key()), 1);
        Manifest manifest;
        try {
            manifest = ManifestCodec.read(verified.payload());
        } catch (FormatException e) {
            throw new VerificationException(ErrorCode.MANIFEST_MISMATCH, "the signed payload is not a valid manifest: "
                    + e.getMessage(), e);
        }
        Bytes canonical = ManifestCodec.write(manifest);
        if (!canonical.equals(verified.payload())) {
            throw new VerificationException(ErrorCode.MANIFEST_MISMATCH, "the signed payload is not the canonical (RFC 8785) "
                    + "form of its manifest; IDEA signs canonical bytes only");
        }
        return manifest;
    }
}
