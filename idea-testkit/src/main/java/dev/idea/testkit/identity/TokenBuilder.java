package dev.idea.testkit.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints one access token of a {@link FakeIdentityProvider}: claims and header members are set
 * fluently, then {@link #sign()} signs with the chosen key, or one of the attack methods produces a
 * token that a correct verifier must refuse.
 *
 * <p>Defaults: {@code iss} the provider's issuer, {@code sub} {@code alice}, {@code aud}
 * {@code idea-api}, {@code iat} now, {@code exp} now + 5 minutes (time from the provider's clock),
 * header {@code typ: at+jwt} and the {@code kid} of the provider's current key. Not thread-safe.
 *
 * @since 0.1
 */
public final class TokenBuilder {
    /** The audience tokens carry unless told otherwise. */
    public static final String DEFAULT_AUDIENCE = "idea-api";

    private final FakeIdentityProvider provider;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private FakeKey key;

    TokenBuilder(FakeIdentityProvider provider, FakeKey key, Instant now) {
        this.provider = provider;
        this.key = key;
        header.put("alg", key.algorithm().jwsName());
        header.put("typ", "at+jwt");
        header.put("kid", key.kid());
        claims.put("iss", provider.issuer());
        claims.put("sub", "alice");
        claims.put("aud", DEFAULT_AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
    }

    /**
     * Signs with another published or retired key of the provider (sets {@code alg} and {@code kid}).
     *
     * @param kid the key id
     * @return this builder
     */
    public TokenBuilder signingKey(String kid) {
        key = provider.key(kid);
        header.put("alg", key.algorithm().jwsName());
        header.put("kid", kid);
        return this;
    }

    /**
     * Sets {@code sub}.
     *
     * @param subject the subject
     * @return this builder
     */
    public TokenBuilder subject(String subject) {
        return claim("sub", subject);
    }

    /**
     * Sets {@code iss}.
     *
     * @param issuer the issuer
     * @return this builder
     */
    public TokenBuilder issuer(String issuer) {
        return claim("iss", issuer);
    }

    /**
     * Sets {@code aud}: a string for one value, an array for several.
     *
     * @param audiences the audiences
     * @return this builder
     */
    public TokenBuilder audience(String... audiences) {
        return claim("aud", audiences.length == 1 ? audiences[0] : List.of(audiences));
    }

    /**
     * Sets {@code scope}, space-separated.
     *
     * @param scopes the scope values
     * @return this builder
     */
    public TokenBuilder scope(String... scopes) {
        return claim("scope", String.join(" ", scopes));
    }

    /**
     * Sets {@code exp}.
     *
     * @param instant the expiry
     * @return this builder
     */
    public TokenBuilder expiresAt(Instant instant) {
        return claim("exp", instant.getEpochSecond());
    }

    /**
     * Sets {@code nbf}.
     *
     * @param instant the start of validity
     * @return this builder
     */
    public TokenBuilder notBefore(Instant instant) {
        return claim("nbf", instant.getEpochSecond());
    }

    /**
     * Sets {@code iat}.
     *
     * @param instant the issue time
     * @return this builder
     */
    public TokenBuilder issuedAt(Instant instant) {
        return claim("iat", instant.getEpochSecond());
    }

    /**
     * Sets any claim; {@code null} removes it.
     *
     * @param name the claim name
     * @param value a String, Number, Boolean, List or Map, or null
     * @return this builder
     */
    public TokenBuilder claim(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    /**
     * Sets any header member; {@code null} removes it. Setting {@code alg} makes the header lie
     * about the algorithm: {@link #sign()} still signs with the key's own algorithm.
     *
     * @param name the member name
     * @param value the value, or null
     * @return this builder
     */
    public TokenBuilder header(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    /**
     * Signs the token with the key.
     *
     * @return the compact JWS
     */
    public String sign() {
        String input = signingInput();
        return input + "." + JsonSupport.base64Url(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Signs the token and then flips one bit of the signature.
     *
     * @return a compact JWS whose signature does not verify
     */
    public String signTampered() {
        String input = signingInput();
        byte[] signature = key.sign(input.getBytes(StandardCharsets.US_ASCII));
        signature[signature.length / 2] ^= 0x01;
        return input + "." + JsonSupport.base64Url(signature);
    }

    /**
     * Attack: an unsecured JWT ({@code alg: none}, empty signature, RFC 7519 section 6).
     *
     * @return the token
     */
    public String unsecured() {
        header.put("alg", "none");
        return signingInput() + ".";
    }

    /**
     * Attack: HS256 with the key's public SubjectPublicKeyInfo bytes as the HMAC secret (the key
     * confusion attack on verifiers that let the token choose the algorithm).
     *
     * @return the token
     */
    public String hmacWithPublicKey() {
        header.put("alg", "HS256");
        String input = signingInput();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.publicKeySpki(), "HmacSHA256"));
            return input + "." + JsonSupport.base64Url(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * Returns the JSON of the claims as {@link #sign()} would encode them.
     *
     * @return the claims JSON
     */
    public String claimsJson() {
        return JsonSupport.write(claims);
    }

    private String signingInput() {
        byte[] headerJson = JsonSupport.write(header).getBytes(StandardCharsets.UTF_8);
        byte[] claimsJson = JsonSupport.write(claims).getBytes(StandardCharsets.UTF_8);
        return JsonSupport.base64Url(headerJson) + "." + JsonSupport.base64Url(claimsJson);
    }
}
