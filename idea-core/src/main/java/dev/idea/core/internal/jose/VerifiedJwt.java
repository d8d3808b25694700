package dev.idea.core.internal.jose;

import java.util.Map;
import java.util.Objects;

/**
 * A JWT whose signature verified under a key of the issuer's JWKS; its claims are not checked yet.
 *
 * @param keyId the kid of the key that verified it, or null when the key has none
 * @param algorithm the JWS algorithm, e.g. {@code RS256}
 * @param claims the claims as JDK values: String, Long, Double, Boolean, List, Map
 */
public record VerifiedJwt(String keyId, String algorithm, Map<String, Object> claims) {

    /** Checks the members and copies the claims map. */
    public VerifiedJwt {
        Objects.requireNonNull(algorithm, "algorithm");
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }
}
