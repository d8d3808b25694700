package dev.idea.api;

import java.util.Objects;

/**
 * What an offline evidence bundle proved.
 *
 * @param manifestId the manifest the bundle is about
 * @param manifestSignatureId the kernel's signature id of the manifest
 * @param eventCount how many audit events were proven included
 * @param checkpoint the verified checkpoint the proofs lead to
 * @param logKey the verifier key ({@link NoteKey#verifierKey()}) whose signature on the checkpoint verified
 * @param manifestSignerKeyId the key id ({@code sha256:} of the SPKI) that signed the manifest
 * @since 0.2
 */
public record EvidenceVerification(String manifestId, String manifestSignatureId, int eventCount, Checkpoint checkpoint,
                                   String logKey, String manifestSignerKeyId) {

    /** Validates presence. */
    public EvidenceVerification {
        Objects.requireNonNull(manifestId, "manifestId");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(logKey, "logKey");
        Objects.requireNonNull(manifestSignerKeyId, "manifestSignerKeyId");
    }
}
