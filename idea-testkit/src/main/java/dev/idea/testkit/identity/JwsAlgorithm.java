package dev.idea.testkit.identity;

/**
 * The signing algorithms of {@link FakeIdentityProvider} keys, with their JWS names (RFC 7518,
 * RFC 8037).
 *
 * @since 0.1
 */
public enum JwsAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 and a 2048-bit key. */
    RS256("RS256"),
    /** ECDSA P-256 with SHA-256, signature as r || s. */
    ES256("ES256"),
    /** Ed25519. */
    EDDSA("EdDSA");

    private final String jwsName;

    JwsAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    /**
     * Returns the {@code alg} header value, e.g. {@code EdDSA}.
     *
     * @return the name
     */
    public String jwsName() {
        return jwsName;
    }
}
