package dev.idea.core.identity;

import dev.idea.api.ErrorCode;
import dev.idea.api.identity.IdentityException;
import dev.idea.core.internal.jose.ClaimText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The registered-claim checks of an access token (RFC 7519 section 4.1, RFC 9068 section 4): issuer,
 * audience, subject, and expiry, not-before and issued-at against the clock with a bounded skew.
 *
 * <p>Immutable and thread-safe.
 */
final class ClaimChecks {
    private static final double MAX_NUMERIC_DATE = 253_402_300_799d; // 9999-12-31T23:59:59Z

    private final String issuer;
    private final String audience;
    private final Duration skew;

    ClaimChecks(String issuer, String audience, Duration skew) {
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
    }

    /**
     * Checks the claims at an instant.
     *
     * @param claims the verified token's claims
     * @param now the current instant from the injected clock
     * @return the expiry
     * @throws IdentityException with the {@code IDENTITY_*} code of the first failed check
     */
    Instant check(Map<String, Object> claims, Instant now) {
        Object iss = claims.get("iss");
        if (!issuer.equals(iss)) {
            throw new IdentityException(ErrorCode.IDENTITY_ISSUER_MISMATCH, "the token was issued by " + describe(iss)
                    + ", not by the configured issuer \"" + issuer + "\"; tokens of other issuers are never accepted");
        }
        checkAudience(claims.get("aud"));
        Instant expiry = numericDate(claims, "exp", true);
        if (!now.isBefore(expiry.plus(skew))) {
            throw new IdentityException(ErrorCode.IDENTITY_TOKEN_EXPIRED, "the token expired at " + expiry + "; now is " + now
                    + " (clock skew " + skew + "); get a fresh token");
        }
        Instant notBefore = numericDate(claims, "nbf", false);
        if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
            throw new IdentityException(ErrorCode.IDENTITY_TOKEN_NOT_YET_VALID, "the token is valid only from " + notBefore
                    + "; now is " + now + " (clock skew " + skew + "); check the clocks of the issuer and this host");
        }
        Instant issuedAt = numericDate(claims, "iat", false);
        if (issuedAt != null && issuedAt.isAfter(now.plus(skew))) {
            throw new IdentityException(ErrorCode.IDENTITY_TOKEN_NOT_YET_VALID, "the token claims to be issued at " + issuedAt
                    + ", in the future; now is " + now + " (clock skew " + skew + "); check the clocks of the issuer and this host");
        }
        Object sub = claims.get("sub");
        if (!(sub instanceof String subject) || subject.isEmpty()) {
            throw new IdentityException(ErrorCode.IDENTITY_CLAIM_INVALID, "the token's sub is " + describe(sub)
                    + "; access tokens must name their subject");
        }
        return expiry;
    }

    private void checkAudience(Object aud) {
        boolean holds = audience.equals(aud)
                || aud instanceof List<?> list && list.stream().anyMatch(audience::equals);
        if (!holds) {
            throw new IdentityException(ErrorCode.IDENTITY_AUDIENCE_MISMATCH, "the token's aud " + describe(aud)
                    + " does not hold \"" + audience + "\"; the token was issued for another API");
        }
    }

    private static Instant numericDate(Map<String, Object> claims, String name, boolean required) {
        Object value = claims.get(name);
        if (value == null) {
            if (required) {
                throw new IdentityException(ErrorCode.IDENTITY_CLAIM_INVALID, "the token has no " + name
                        + " claim; access tokens must expire");
            }
            return null;
        }
        if (!(value instanceof Number number) || Math.abs(number.doubleValue()) > MAX_NUMERIC_DATE) {
            throw new IdentityException(ErrorCode.IDENTITY_CLAIM_INVALID, "the token's " + name + " is " + describe(value)
                    + ", not a NumericDate (seconds since the epoch, RFC 7519 section 2)");
        }
        try {
            long seconds = number instanceof Long || number instanceof Integer ? number.longValue()
                    : (long) Math.floor(number.doubleValue());
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            throw new IdentityException(ErrorCode.IDENTITY_CLAIM_INVALID, "the token's " + name + " " + value + " is out of range", e);
        }
    }

    private static String describe(Object value) {
        return ClaimText.printable(value);
    }
}
