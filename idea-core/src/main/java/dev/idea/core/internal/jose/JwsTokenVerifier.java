package dev.idea.core.internal.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.idea.api.ErrorCode;
import dev.idea.api.identity.IdentityException;
import dev.idea.api.identity.OidcOptions;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the signature of a JWS compact JWT against an issuer's JWKS: strict parsing, the
 * algorithm pinned by the key, a rate-limited refresh for an unknown {@code kid}.
 *
 * <p>Thread-safe; one instance per issuer.
 *
 * <p>Security guarantees: {@code alg: none} and HMAC algorithms are refused before any key is looked
 * up; the header's {@code alg} must be one the selected JWK allows (its own {@code alg}, or its key
 * type's), so a public key is never used as an HMAC secret nor an RSA key for ECDSA; keys carried in
 * the token header ({@code jwk}, {@code jku}, {@code x5c}, {@code x5u}) are ignored; headers with
 * {@code crit} or {@code b64} are refused. Claims are parsed only after the signature verified.
 */
public final class JwsTokenVerifier {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final JwksCache cache;
    private final Set<String> allowedAlgorithms;
    private final int maxTokenLength;

    private JwsTokenVerifier(JwksCache cache, Set<String> allowedAlgorithms, int maxTokenLength) {
        this.cache = cache;
        this.allowedAlgorithms = allowedAlgorithms;
        this.maxTokenLength = maxTokenLength;
    }

    /**
     * Creates a verifier for the issuer of the options.
     *
     * @param options the settings
     * @return the verifier
     */
    public static JwsTokenVerifier create(OidcOptions options) {
        JwksFetcher fetcher = new JwksFetcher(options.jwksUri(), options.httpTimeout(), options.maxJwksBytes(), options.sslContext());
        JwksCache cache = new JwksCache(fetcher, options.jwksCacheTtl(), options.jwksRefreshMinInterval(), options.clock());
        return new JwsTokenVerifier(cache, options.allowedAlgorithms(), options.maxTokenLength());
    }

    /**
     * Verifies the token's signature and returns its claims.
     *
     * @param token the compact JWS
     * @return the verified token
     * @throws IdentityException with {@code IDENTITY_TOKEN_MALFORMED}, {@code IDENTITY_ALGORITHM_*},
     *     {@code IDENTITY_KEY_UNKNOWN}, {@code IDENTITY_SIGNATURE_INVALID}, {@code
     *     IDENTITY_CLAIM_INVALID} or {@code IDENTITY_JWKS_UNAVAILABLE}
     */
    public VerifiedJwt verify(String token) {
        String[] parts = split(token);
        Map<String, Object> headerJson = json(parts[0], "header", ErrorCode.IDENTITY_TOKEN_MALFORMED);
        String alg = checkAlgorithm(headerJson.get("alg"));
        if (headerJson.containsKey("crit") || headerJson.containsKey("b64")) {
            throw malformed("its header has crit or b64; IDEA supports no JWS header extensions");
        }
        Object kid = headerJson.get("kid");
        if (kid != null && !(kid instanceof String)) {
            throw malformed("its header kid is not a string");
        }
        byte[] signature = decode(parts[2], "signature");
        if (signature.length == 0) {
            throw new IdentityException(ErrorCode.IDENTITY_SIGNATURE_INVALID, "the token has an empty signature; it is unsigned");
        }
        List<SigningKey> candidates = keysFor((String) kid, alg);
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        for (SigningKey key : candidates) {
            if (key.verify(algorithm, signingInput, signature)) {
                Map<String, Object> claims = json(parts[1], "claims", ErrorCode.IDENTITY_CLAIM_INVALID);
                return new VerifiedJwt(key.kid(), alg, claims);
            }
        }
        throw new IdentityException(ErrorCode.IDENTITY_SIGNATURE_INVALID, "the " + alg + " signature does not verify under "
                + candidates + "; the token was altered or signed by another key");
    }

    /** Drops the cached JWKS. */
    public void close() {
        cache.invalidate();
    }

    private String[] split(String token) {
        if (token == null || token.isEmpty()) {
            throw malformed("it is empty");
        }
        if (token.length() > maxTokenLength) {
            throw malformed("it has " + token.length() + " characters, more than the limit of " + maxTokenLength);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            throw malformed("it is a JWE (5 parts); IDEA accepts signed (JWS) access tokens only");
        }
        if (parts.length != 3) {
            throw malformed("it has " + parts.length + " dot-separated parts, not 3 (header.payload.signature)");
        }
        return parts;
    }

    private String checkAlgorithm(Object value) {
        if (!(value instanceof String alg) || alg.isEmpty()) {
            throw malformed("its header has no alg string");
        }
        if (alg.toLowerCase(Locale.ROOT).equals("none")) {
            throw new IdentityException(ErrorCode.IDENTITY_ALGORITHM_REFUSED, "the token is unsecured (alg " + ClaimText.printable(alg)
                    + "); only signed tokens are accepted");
        }
        if (alg.toUpperCase(Locale.ROOT).startsWith("HS")) {
            throw new IdentityException(ErrorCode.IDENTITY_ALGORITHM_REFUSED, "the token uses the HMAC algorithm " + ClaimText.printable(alg)
                    + ", which is never accepted: the issuer's JWKS holds public keys, and using one as an HMAC secret"
                    + " is the key-confusion attack");
        }
        if (!allowedAlgorithms.contains(alg)) {
            throw new IdentityException(ErrorCode.IDENTITY_ALGORITHM_REFUSED, "the token's algorithm " + ClaimText.printable(alg)
                    + " is not allowed; allowed are " + allowedAlgorithms + " (OidcOptions.allowedAlgorithms)");
        }
        return alg;
    }

    private List<SigningKey> keysFor(String kid, String alg) {
        KeySet keys = cache.current();
        List<SigningKey> found = keys.lookup(kid);
        boolean rateLimited = false;
        if (found.isEmpty() && kid != null) {
            KeySet fresh = cache.refreshFor(kid);
            rateLimited = fresh == null;
            if (fresh != null) {
                keys = fresh;
                found = keys.lookup(kid);
            }
        }
        if (found.isEmpty()) {
            throw unknownKey(kid, keys, rateLimited);
        }
        if (kid == null && found.size() > 1) {
            throw new IdentityException(ErrorCode.IDENTITY_KEY_UNKNOWN, "the token has no kid and the JWKS holds "
                    + found.size() + " keys " + keys.kids() + "; the issuer must put a kid in its tokens");
        }
        List<SigningKey> fitting = new ArrayList<>();
        for (SigningKey key : found) {
            if (key.algorithms().contains(alg)) {
                fitting.add(key);
            }
        }
        if (fitting.isEmpty()) {
            throw new IdentityException(ErrorCode.IDENTITY_ALGORITHM_MISMATCH, "the token says alg " + alg + " but its key "
                    + found + " allows only its own algorithm; the algorithm is pinned by the key, never by the token");
        }
        return fitting;
    }

    private IdentityException unknownKey(String kid, KeySet keys, boolean rateLimited) {
        StringBuilder message = new StringBuilder("no usable key with kid ").append(ClaimText.printable(kid)).append(" in the JWKS fetched at ")
                .append(keys.fetchedAt()).append(" (kids: ").append(keys.kids()).append(')');
        for (String reason : keys.skipped()) {
            if (reason.startsWith(kid + ":")) {
                message.append("; skipped ").append(reason);
            }
        }
        if (rateLimited) {
            Instant next = cache.nextRefreshAllowedAt();
            message.append("; refresh rate-limited until ").append(next);
        }
        message.append("; the token was signed by a retired or foreign key");
        return new IdentityException(ErrorCode.IDENTITY_KEY_UNKNOWN, message.toString());
    }

    private static Map<String, Object> json(String part, String what, ErrorCode code) {
        byte[] bytes = decode(part, what);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IdentityException(code, "the token's " + what + " is not valid UTF-8");
        }
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException | RuntimeException e) {
            throw new IdentityException(code, "the token's " + what + " is not a JSON object (" + e.getMessage() + ")");
        }
    }

    private static byte[] decode(String part, String what) {
        if (part.indexOf('=') >= 0) {
            throw malformed("its " + what + " is padded base64url; JWS uses unpadded base64url");
        }
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("its " + what + " is not base64url (" + e.getMessage() + ")");
        }
    }

    private static IdentityException malformed(String why) {
        return new IdentityException(ErrorCode.IDENTITY_TOKEN_MALFORMED, "the access token is not a compact JWS JWT: " + why);
    }
}
