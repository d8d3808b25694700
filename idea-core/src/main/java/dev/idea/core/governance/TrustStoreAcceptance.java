package dev.idea.core.governance;

import dev.idea.api.Digest;
import java.util.Objects;

/**
 * One trust store version that a {@link TrustStoreChain} accepted and persisted: the new high-water mark
 * and the version it replaced.
 *
 * <p>Digests are SHA-256 of the exact signed {@code trust_store.json} documents (the DSSE payloads), the
 * form a root pin takes.
 *
 * @param previousVersion the version replaced, 0 when this is the first (root) version
 * @param previousDigest the digest of the version replaced, or null for the root version
 * @param version the version accepted
 * @param digest the digest of the version accepted
 */
public record TrustStoreAcceptance(long previousVersion, Digest previousDigest, long version, Digest digest) {

    /** Validates that a predecessor has both a version and a digest, and that the version moves forward. */
    public TrustStoreAcceptance {
        Objects.requireNonNull(digest, "digest");
        if ((previousVersion == 0) != (previousDigest == null)) {
            throw new IllegalArgumentException("previousVersion " + previousVersion + " and previousDigest "
                    + previousDigest + " disagree: both are absent for a root version, both present for a rotation");
        }
        if (version <= previousVersion) {
            throw new IllegalArgumentException("version " + version + " is not above previousVersion " + previousVersion);
        }
    }

    /**
     * Tells whether this acceptance anchored the chain (no predecessor).
     *
     * @return true for the root version
     */
    public boolean isRoot() {
        return previousDigest == null;
    }
}
