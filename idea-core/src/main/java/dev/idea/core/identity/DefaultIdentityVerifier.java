package dev.idea.core.identity;

import dev.idea.api.ErrorCode;
import dev.idea.api.identity.Identity;
import dev.idea.api.identity.IdentityException;
import dev.idea.api.identity.IdentityVerifier;
import dev.idea.api.identity.OidcOptions;
import dev.idea.core.internal.jose.JwsTokenVerifier;
import dev.idea.core.internal.jose.VerifiedJwt;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@link IdentityVerifier} of {@code idea-core}: the signature against the issuer's JWKS first
 * ({@link JwsTokenVerifier}), then the registered claims ({@link ClaimChecks}), then the roles
 * ({@link RoleResolver}).
 *
 * <p>Thread-safe.
 *
 * <p>Security guarantees: as {@link IdentityVerifier}; claims are read only after the signature has
 * verified, and an exception never carries the token.
 */
final class DefaultIdentityVerifier implements IdentityVerifier {
    private static final String BEARER = "bearer ";

    private final JwsTokenVerifier tokens;
    private final ClaimChecks checks;
    private final RoleResolver roles;
    private final Set<String> keptClaims;
    private final Clock clock;
    private volatile boolean closed;

    DefaultIdentityVerifier(OidcOptions options) {
        this.tokens = JwsTokenVerifier.create(options);
        this.checks = new ClaimChecks(options.issuer(), options.audience(), options.clockSkew());
        this.roles = new RoleResolver(options.roleMapping());
        this.keptClaims = options.keptClaims();
        this.clock = options.clock();
    }

    @Override
    public Identity verify(String accessToken) {
        if (closed) {
            throw new IdentityException(ErrorCode.CLOSED, "this identity verifier is closed; create a new one");
        }
        VerifiedJwt jwt = tokens.verify(accessToken);
        Map<String, Object> claims = jwt.claims();
        Instant expiry = checks.check(claims, clock.instant());
        return new Identity((String) claims.get("sub"), (String) claims.get("iss"), roles.roles(claims), kept(claims), expiry);
    }

    @Override
    public Identity verifyAuthorizationHeader(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new IdentityException(ErrorCode.IDENTITY_TOKEN_MALFORMED, "the Authorization header is not of the form"
                    + " \"Bearer <token>\" (RFC 6750 section 2.1)");
        }
        return verify(authorizationHeader.substring(BEARER.length()).strip());
    }

    @Override
    public void close() {
        closed = true;
        tokens.close();
    }

    private Map<String, String> kept(Map<String, Object> claims) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : keptClaims) {
            String rendered = render(claims.get(name));
            if (rendered != null) {
                kept.put(name, rendered);
            }
        }
        return kept;
    }

    private static String render(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(" ");
            for (Object element : list) {
                if (!(element instanceof String || element instanceof Number || element instanceof Boolean)) {
                    return null;
                }
                joined.add(String.valueOf(element));
            }
            return joined.toString();
        }
        return null;
    }
}
