package dev.idea.api;

/**
 * The signature algorithms IDEA signs and verifies with.
 *
 * <p>The algorithm is always pinned by the key ({@link VerificationKey#algorithm()}), never read
 * from a message.
 *
 * @since 0.1
 */
public enum SignatureAlgorithm {
    /** Ed25519 (RFC 8032, pure, no prehash); 64-byte signatures. */
    ED25519("ed25519"),
    /**
     * ECDSA over NIST P-256 with SHA-256. Signatures are produced in ASN.1 DER; verification also
     * accepts the 64-byte IEEE P1363 form ({@code r || s}).
     */
    ECDSA_P256_SHA256("ecdsa-p256-sha256");

    private final String id;

    SignatureAlgorithm(String id) {
        this.id = id;
    }

    /**
     * Returns the stable name used in files and configuration, e.g. {@code ed25519}.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * Finds an algorithm by its stable name.
     *
     * @param id e.g. {@code ecdsa-p256-sha256}
     * @return the algorithm
     * @throws VerificationException with {@link ErrorCode#ALGORITHM_UNSUPPORTED} for any other name
     */
    public static SignatureAlgorithm ofId(String id) {
        for (SignatureAlgorithm a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new VerificationException(ErrorCode.ALGORITHM_UNSUPPORTED, "signature algorithm \"" + id
                + "\" is not supported; use ed25519 or ecdsa-p256-sha256");
    }
}
