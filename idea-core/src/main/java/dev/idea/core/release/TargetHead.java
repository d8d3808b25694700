package dev.idea.core.release;

import dev.idea.api.Digest;

/**
 * The latest signed manifest of one target, as recorded in the audit chain.
 *
 * @param target the target
 * @param manifestId the manifest's id
 * @param manifestDigest its digest, the next manifest's {@code previousManifestDigest}
 * @param manifestSignatureId the kernel's signature id
 * @param signedManifestBlob the blob holding the signed manifest file
 * @param seq the sequence number of the {@code manifest.sign} event
 */
record TargetHead(String target, String manifestId, Digest manifestDigest, String manifestSignatureId,
                  Digest signedManifestBlob, long seq) {
}
