package dev.idea.api.identity;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Verifies OIDC / OAuth2 access tokens (JWS compact JWTs) of one issuer and maps them to an
 * {@link Identity}.
 *
 * <pre>{@code
 * IdentityVerifier verifier = IdentityVerifier.create(OidcOptions.builder()
 *         .issuer("https://login.example.com/realms/idea")
 *         .audience("idea-api")
 *         .jwksUri(URI.create("https://login.example.com/realms/idea/protocol/openid-connect/certs"))
 *         .build());
 * Identity who = verifier.verify(accessToken).requireRole(IdentityRole.APPROVER);
 * }</pre>
 *
 * <p>Implementations are thread-safe; share one per issuer. The JWKS is fetched on first use and
 * cached for {@link OidcOptions#jwksCacheTtl()}; concurrent callers wait for one fetch.
 *
 * <p>Security guarantees: a token is accepted only when its signature verifies under a key of the
 * issuer's JWKS with the algorithm that key allows ({@code alg: none}, HMAC, keys embedded in the
 * token header and algorithms outside {@link OidcOptions#allowedAlgorithms()} are refused), its
 * {@code iss} equals the issuer, its {@code aud} holds the audience, and {@code exp}, {@code nbf}
 * and {@code iat} fit the injected clock within the skew. An unknown {@code kid} causes at most one
 * JWKS refresh per {@link OidcOptions#jwksRefreshMinInterval()}. When the JWKS cannot be fetched
 * (error status, timeout, malformed document) every token is refused: there is no stale fallback.
 *
 * @since 0.1
 */
public interface IdentityVerifier extends AutoCloseable {

    /**
     * Creates a verifier for one issuer.
     *
     * @param options the settings
     * @return the verifier
     * @throws ConfigurationException when {@code idea-core} is not on the class path
     */
    static IdentityVerifier create(OidcOptions options) {
        List<IdentityVerifierFactory> found = new ArrayList<>();
        ServiceLoader.load(IdentityVerifierFactory.class, IdentityVerifier.class.getClassLoader()).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(IdentityVerifierFactory.class).forEach(found::add);
        }
        if (found.size() != 1) {
            throw new ConfigurationException(ErrorCode.PROVIDER_NOT_FOUND, found.isEmpty()
                    ? "no identity verifier found; add the artifact dev.idea:idea-core to the runtime class path or module path"
                    : "found " + found.size() + " identity verifiers " + found.stream().map(f -> f.getClass().getName()).toList()
                    + "; keep exactly one dev.idea:idea-core on the class path");
        }
        return found.get(0).create(options);
    }

    /**
     * Verifies an access token and returns the identity it stands for.
     *
     * @param accessToken the compact JWS, without a {@code Bearer} prefix
     * @return the identity
     * @throws IdentityException with {@code IDENTITY_TOKEN_MALFORMED}, {@code
     *     IDENTITY_ALGORITHM_REFUSED}, {@code IDENTITY_ALGORITHM_MISMATCH}, {@code IDENTITY_KEY_UNKNOWN},
     *     {@code IDENTITY_SIGNATURE_INVALID}, {@code IDENTITY_ISSUER_MISMATCH}, {@code
     *     IDENTITY_AUDIENCE_MISMATCH}, {@code IDENTITY_TOKEN_EXPIRED}, {@code
     *     IDENTITY_TOKEN_NOT_YET_VALID}, {@code IDENTITY_CLAIM_INVALID} or {@code
     *     IDENTITY_JWKS_UNAVAILABLE}
     */
    Identity verify(String accessToken);

    /**
     * Verifies the value of an HTTP {@code Authorization} header of the form {@code Bearer <token>}
     * (RFC 6750 section 2.1).
     *
     * @param authorizationHeader the header value
     * @return the identity
     * @throws IdentityException with {@code IDENTITY_TOKEN_MALFORMED} when the header is not a bearer
     *     credential, or as {@link #verify(String)}
     */
    Identity verifyAuthorizationHeader(String authorizationHeader);

    /**
     * Releases the HTTP client and the cache. Idempotent; {@link #verify} fails afterwards.
     */
    @Override
    void close();
}
