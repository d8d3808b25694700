package dev.idea.api;

import java.util.List;
import java.util.Objects;

/**
 * What one successful submission produced: the validation report, the manifest, its signature and
 * the audit events that record each step.
 *
 * @param validation the validation report
 * @param manifest the manifest
 * @param manifestDigest SHA-256 of the manifest's canonical JSON
 * @param signedManifest the kernel-signed envelope, already verified against the signer registry
 * @param auditEvents the events appended for this submission, in chain order
 * @since 0.1
 */
public record Release(ValidationReport validation, Manifest manifest, Digest manifestDigest,
                      SignedManifest signedManifest, List<AuditEvent> auditEvents) {

    /** Validates presence and copies the events. */
    public Release {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(signedManifest, "signedManifest");
        auditEvents = List.copyOf(auditEvents);
    }

    /**
     * Returns the kernel's id for the manifest signature.
     *
     * @return the manifestSignatureId
     */
    public String manifestSignatureId() {
        return signedManifest.manifestSignatureId();
    }
}
