package dev.idea.api.identity;

import dev.idea.api.ErrorCode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;

/**
 * Settings of an {@link IdentityVerifier} for one OIDC / OAuth2 issuer: whom to trust (issuer,
 * audience, JWKS URI), which algorithms, how much clock skew, how claims map to roles, and the limits
 * of JWKS fetching and caching.
 *
 * <p>Build with {@link #builder()}; each setter checks its value at once. Immutable.
 *
 * <p>Security guarantees: only the algorithms in {@link #allowedAlgorithms()} are accepted, and of
 * those only the one the key allows; {@code none} and the HMAC algorithms cannot be configured. The
 * JWKS URI must be {@code https} unless {@link #insecureAllowHttp()} is set.
 *
 * @param issuer the exact {@code iss} value expected, e.g. {@code https://login.example.com/realms/idea}
 * @param audience the value that {@code aud} must hold
 * @param jwksUri where the issuer publishes its JSON Web Key Set
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}, at most {@link #MAX_CLOCK_SKEW}
 * @param roleMapping how claims become roles
 * @param jwksCacheTtl how long a fetched JWKS is used before it is fetched again
 * @param jwksRefreshMinInterval least time between two fetches caused by an unknown {@code kid}
 * @param httpTimeout limit on connecting and on the whole JWKS request
 * @param allowedAlgorithms JWS algorithm names accepted, a subset of {@link #SUPPORTED_ALGORITHMS}
 * @param keptClaims names of claims copied into {@link Identity#claims()}
 * @param maxTokenLength longest token accepted, in characters
 * @param maxJwksBytes largest JWKS document accepted
 * @param clock the only source of time
 * @param sslContext TLS settings for the JWKS request, or null for the JDK default
 * @param insecureAllowHttp whether a plain {@code http} JWKS URI is accepted (tests only)
 * @since 0.1
 */
public record OidcOptions(String issuer, String audience, URI jwksUri, Duration clockSkew, RoleMapping roleMapping,
        Duration jwksCacheTtl, Duration jwksRefreshMinInterval, Duration httpTimeout, Set<String> allowedAlgorithms,
        Set<String> keptClaims, int maxTokenLength, int maxJwksBytes, Clock clock, SSLContext sslContext,
        boolean insecureAllowHttp) {

    /** Every JWS algorithm IDEA can verify: RSA PKCS#1 v1.5 and PSS, ECDSA P-256, Ed25519. */
    public static final Set<String> SUPPORTED_ALGORITHMS = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "EdDSA")));
    /** Algorithms accepted by default. */
    public static final Set<String> DEFAULT_ALGORITHMS = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("RS256", "PS256", "ES256", "EdDSA")));
    /** Default clock skew tolerance. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** Largest clock skew tolerance accepted. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Default time a fetched JWKS is used. */
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(10);
    /** Default least time between two refreshes caused by an unknown {@code kid}. */
    public static final Duration DEFAULT_JWKS_REFRESH_MIN_INTERVAL = Duration.ofSeconds(30);
    /** Default limit on a JWKS request. */
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(5);
    /** Claims kept by default. */
    public static final Set<String> DEFAULT_KEPT_CLAIMS = Collections.unmodifiableSortedSet(
            new TreeSet<>(List.of("azp", "client_id", "email", "name", "preferred_username", "scope")));
    /** Default longest token, in characters. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 16 * 1024;
    /** Default largest JWKS document, in bytes. */
    public static final int DEFAULT_MAX_JWKS_BYTES = 256 * 1024;

    private static final Duration MAX_CACHE_TTL = Duration.ofDays(1);
    private static final Duration MAX_HTTP_TIMEOUT = Duration.ofMinutes(1);

    /**
     * Validates and copies the settings.
     *
     * @throws IdentityException with {@code CONFIG_INVALID} naming the bad setting and its value
     */
    public OidcOptions {
        issuer = requireText(issuer, "issuer");
        audience = requireText(audience, "audience");
        Objects.requireNonNull(jwksUri, "jwksUri");
        checkUri(jwksUri, insecureAllowHttp);
        checkRange("clockSkew", clockSkew, Duration.ZERO, MAX_CLOCK_SKEW);
        Objects.requireNonNull(roleMapping, "roleMapping");
        checkRange("jwksCacheTtl", jwksCacheTtl, Duration.ofSeconds(1), MAX_CACHE_TTL);
        checkRange("jwksRefreshMinInterval", jwksRefreshMinInterval, Duration.ZERO, MAX_CACHE_TTL);
        checkRange("httpTimeout", httpTimeout, Duration.ofMillis(1), MAX_HTTP_TIMEOUT);
        allowedAlgorithms = checkAlgorithms(allowedAlgorithms);
        keptClaims = sorted(Objects.requireNonNull(keptClaims, "keptClaims"));
        checkPositive("maxTokenLength", maxTokenLength);
        checkPositive("maxJwksBytes", maxJwksBytes);
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts building options.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw invalid(name + " must not be blank; set it to the value your identity provider puts in its tokens");
        }
        return value;
    }

    private static void checkUri(URI uri, boolean allowHttp) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("jwksUri " + uri + " is not an absolute http(s) URI with a host; use the jwks_uri of the issuer's discovery document");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw invalid("jwksUri " + uri + " uses plain http, which lets anyone on the path substitute the keys; use https "
                    + "(insecureAllowHttp is for tests against a local fake provider only)");
        }
    }

    private static void checkRange(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void checkPositive(String name, int value) {
        if (value < 1) {
            throw invalid(name + " must be positive, got " + value);
        }
    }

    private static Set<String> checkAlgorithms(Set<String> algorithms) {
        Objects.requireNonNull(algorithms, "allowedAlgorithms");
        if (algorithms.isEmpty()) {
            throw invalid("allowedAlgorithms is empty; allow at least one of " + SUPPORTED_ALGORITHMS);
        }
        for (String algorithm : algorithms) {
            if (!SUPPORTED_ALGORITHMS.contains(algorithm)) {
                throw invalid("algorithm \"" + algorithm + "\" cannot be allowed; IDEA verifies only " + SUPPORTED_ALGORITHMS
                        + " (never none or HMAC: a JWKS publishes public keys, and a public key used as an HMAC secret"
                        + " lets anyone forge tokens)");
            }
        }
        return sorted(algorithms);
    }

    private static Set<String> sorted(Set<String> values) {
        SortedSet<String> copy = new TreeSet<>();
        for (String value : values) {
            copy.add(Objects.requireNonNull(value, "set element"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    private static IdentityException invalid(String message) {
        return new IdentityException(ErrorCode.CONFIG_INVALID, message);
    }

    /**
     * Collects {@link OidcOptions}. Each setter checks its value at once; {@link #build()} checks that
     * issuer, audience and JWKS URI were set. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String issuer;
        private String audience;
        private URI jwksUri;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private RoleMapping roleMapping = RoleMapping.defaults();
        private Duration jwksCacheTtl = DEFAULT_JWKS_CACHE_TTL;
        private Duration jwksRefreshMinInterval = DEFAULT_JWKS_REFRESH_MIN_INTERVAL;
        private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;
        private Set<String> allowedAlgorithms = DEFAULT_ALGORITHMS;
        private Set<String> keptClaims = DEFAULT_KEPT_CLAIMS;
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private int maxJwksBytes = DEFAULT_MAX_JWKS_BYTES;
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;
        private boolean insecureAllowHttp;

        private Builder() {
        }

        /**
         * Sets the expected {@code iss}, compared exactly.
         *
         * @param value the issuer identifier
         * @return this builder
         */
        public Builder issuer(String value) {
            issuer = requireText(value, "issuer");
            return this;
        }

        /**
         * Sets the value {@code aud} must hold.
         *
         * @param value e.g. the API's client id or resource URI
         * @return this builder
         */
        public Builder audience(String value) {
            audience = requireText(value, "audience");
            return this;
        }

        /**
         * Sets the JWKS location ({@code jwks_uri} of the discovery document).
         *
         * @param value an https URI (http only with {@link #insecureAllowHttp(boolean)})
         * @return this builder
         */
        public Builder jwksUri(URI value) {
            Objects.requireNonNull(value, "jwksUri");
            checkUri(value, true);
            jwksUri = value;
            return this;
        }

        /**
         * Sets the clock skew tolerance (default 60 s, at most 5 min).
         *
         * @param value the tolerance
         * @return this builder
         */
        public Builder clockSkew(Duration value) {
            checkRange("clockSkew", value, Duration.ZERO, MAX_CLOCK_SKEW);
            clockSkew = value;
            return this;
        }

        /**
         * Sets how claims become roles (default {@link RoleMapping#defaults()}).
         *
         * @param value the mapping
         * @return this builder
         */
        public Builder roleMapping(RoleMapping value) {
            roleMapping = Objects.requireNonNull(value, "roleMapping");
            return this;
        }

        /**
         * Sets how long a fetched JWKS is used (default 10 min, 1 s to 1 day).
         *
         * @param value the time to live
         * @return this builder
         */
        public Builder jwksCacheTtl(Duration value) {
            checkRange("jwksCacheTtl", value, Duration.ofSeconds(1), MAX_CACHE_TTL);
            jwksCacheTtl = value;
            return this;
        }

        /**
         * Sets the least time between two fetches caused by an unknown {@code kid} (default 30 s).
         *
         * @param value the interval; zero allows a refresh for every unknown kid
         * @return this builder
         */
        public Builder jwksRefreshMinInterval(Duration value) {
            checkRange("jwksRefreshMinInterval", value, Duration.ZERO, MAX_CACHE_TTL);
            jwksRefreshMinInterval = value;
            return this;
        }

        /**
         * Sets the limit on connecting and on the whole JWKS request (default 5 s, at most 1 min).
         *
         * @param value the limit
         * @return this builder
         */
        public Builder httpTimeout(Duration value) {
            checkRange("httpTimeout", value, Duration.ofMillis(1), MAX_HTTP_TIMEOUT);
            httpTimeout = value;
            return this;
        }

        /**
         * Sets the accepted JWS algorithms (default {@link #DEFAULT_ALGORITHMS}).
         *
         * @param value a non-empty subset of {@link #SUPPORTED_ALGORITHMS}
         * @return this builder
         */
        public Builder allowedAlgorithms(Set<String> value) {
            allowedAlgorithms = checkAlgorithms(value);
            return this;
        }

        /**
         * Sets the names of the claims copied into {@link Identity#claims()}.
         *
         * @param value claim names
         * @return this builder
         */
        public Builder keptClaims(Set<String> value) {
            keptClaims = sorted(Objects.requireNonNull(value, "keptClaims"));
            return this;
        }

        /**
         * Sets the longest token accepted (default 16 KiB).
         *
         * @param value characters
         * @return this builder
         */
        public Builder maxTokenLength(int value) {
            checkPositive("maxTokenLength", value);
            maxTokenLength = value;
            return this;
        }

        /**
         * Sets the largest JWKS document accepted (default 256 KiB).
         *
         * @param value bytes
         * @return this builder
         */
        public Builder maxJwksBytes(int value) {
            checkPositive("maxJwksBytes", value);
            maxJwksBytes = value;
            return this;
        }

        /**
         * Sets the clock, the only source of time (default system UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the TLS settings of the JWKS request, e.g. to trust a private CA.
         *
         * @param value the context
         * @return this builder
         */
        public Builder sslContext(SSLContext value) {
            sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /**
         * Accepts a plain {@code http} JWKS URI. Insecure: anyone on the network path can substitute
         * the keys. For tests against a local fake identity provider only. Off by default.
         *
         * @param value whether to allow http
         * @return this builder
         */
        public Builder insecureAllowHttp(boolean value) {
            insecureAllowHttp = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IdentityException with {@code CONFIG_INVALID} when issuer, audience or JWKS URI is
         *     missing, or the JWKS URI is http without {@link #insecureAllowHttp(boolean)}
         */
        public OidcOptions build() {
            if (issuer == null || audience == null || jwksUri == null) {
                throw invalid("issuer, audience and jwksUri are required, got issuer=" + issuer + " audience=" + audience
                        + " jwksUri=" + jwksUri + "; take them from the issuer's discovery document and your API's registration");
            }
            return new OidcOptions(issuer, audience, jwksUri, clockSkew, roleMapping, jwksCacheTtl, jwksRefreshMinInterval,
                    httpTimeout, allowedAlgorithms, keptClaims, maxTokenLength, maxJwksBytes, clock, sslContext,
                    insecureAllowHttp);
        }
    }
}
