package dev.idea.testkit.identity;

/**
 * What the JWKS endpoint of a {@link FakeIdentityProvider} answers.
 *
 * @since 0.1
 */
public enum JwksResponse {
    /** 200 with the published keys. */
    NORMAL,
    /** 503 with a short text body. */
    SERVER_ERROR,
    /** Never answers until the provider is closed or switched back (the client must time out). */
    HANG,
    /** 200 with a body that is not JSON. */
    MALFORMED_JSON,
    /** 200 with a JSON object that has no {@code keys} array. */
    NOT_A_JWKS
}
