package dev.idea.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.identity.Identity;
import dev.idea.api.identity.IdentityException;
import dev.idea.api.identity.IdentityRole;
import dev.idea.api.identity.IdentityVerifier;
import dev.idea.api.identity.OidcOptions;
import dev.idea.api.identity.RoleGrant;
import dev.idea.api.identity.RoleMapping;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.identity.FakeIdentityProvider;
import dev.idea.testkit.identity.JwksResponse;
import dev.idea.testkit.identity.JwsAlgorithm;
import dev.idea.testkit.identity.TokenBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identity verifier against a real local JWKS endpoint: accepted tokens, every refused attack, JWKS caching and failures. */
class DefaultIdentityVerifierTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private MutableClock clock;
    private FakeIdentityProvider idp;
    private IdentityVerifier verifier;

    @BeforeEach
    void start() {
        clock = MutableClock.at(T0);
        idp = FakeIdentityProvider.start(clock);
        verifier = IdentityVerifier.create(options(b -> b));
    }

    @AfterEach
    void stop() {
        verifier.close();
        idp.close();
    }

    private OidcOptions options(UnaryOperator<OidcOptions.Builder> settings) {
        return settings.apply(OidcOptions.builder()
                .issuer(idp.issuer())
                .audience(TokenBuilder.DEFAULT_AUDIENCE)
                .jwksUri(idp.jwksUri())
                .insecureAllowHttp(true)
                .httpTimeout(Duration.ofSeconds(2))
                .clock(clock)).build();
    }

    private void assertRefused(String token, ErrorCode code) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(IdentityException.class)
                .satisfies(e -> assertThat(((IdentityException) e).errorCode()).isEqualTo(code))
                .satisfies(e -> assertThat(token.length() < 8 || !e.getMessage().contains(token)).isTrue());
    }

    // accepted tokens

    @Test
    void verify_validRs256Token_returnsSubjectIssuerRolesAndKeptClaims() {
        String token = idp.token().subject("bob").scope("openid", "idea:approve").claim("roles", List.of("auditor"))
                .claim("email", "bob@example.com").claim("secret_stuff", "x").sign();

        Identity identity = verifier.verify(token);

        assertThat(identity.subject()).isEqualTo("bob");
        assertThat(identity.issuer()).isEqualTo(idp.issuer());
        assertThat(identity.roles()).containsExactly(IdentityRole.APPROVER, IdentityRole.AUDITOR);
        assertThat(identity.claims()).containsExactly(Map.entry("email", "bob@example.com"),
                Map.entry("scope", "openid idea:approve"));
        assertThat(identity.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void verify_es256AndEdDsaTokens_areAccepted() {
        String ec = idp.addKey(JwsAlgorithm.ES256);
        String ed = idp.addKey(JwsAlgorithm.EDDSA);

        assertThat(verifier.verify(idp.token().signingKey(ec).subject("carol").sign()).subject()).isEqualTo("carol");
        assertThat(verifier.verify(idp.token().signingKey(ed).subject("dave").sign()).subject()).isEqualTo("dave");
    }

    @Test
    void verify_jwksWithoutAlgMembers_keyTypeDecidesTheAlgorithm() {
        idp.publishAlgorithms(false);
        String ec = idp.addKey(JwsAlgorithm.ES256);

        assertThat(verifier.verify(idp.token().sign()).subject()).isEqualTo("alice");
        assertThat(verifier.verify(idp.token().signingKey(ec).sign()).subject()).isEqualTo("alice");
        assertRefused(idp.token().signingKey(ec).header("alg", "RS256").sign(), ErrorCode.IDENTITY_ALGORITHM_MISMATCH);
    }

    @Test
    void verify_audienceArrayHoldingTheAudience_isAccepted() {
        assertThat(verifier.verify(idp.token().audience("other-api", TokenBuilder.DEFAULT_AUDIENCE).sign()).subject())
                .isEqualTo("alice");
    }

    @Test
    void verify_tokenWithoutKidAndOneKey_usesThatKey() {
        assertThat(verifier.verify(idp.token().header("kid", null).sign()).subject()).isEqualTo("alice");
    }

    @Test
    void verify_tokenWithoutKidAndSeveralKeys_isRefusedWithKeyUnknown() {
        idp.addKey(JwsAlgorithm.ES256);
        assertRefused(idp.token().header("kid", null).sign(), ErrorCode.IDENTITY_KEY_UNKNOWN);
    }

    @Test
    void verifyAuthorizationHeader_bearerCredential_isVerified() {
        assertThat(verifier.verifyAuthorizationHeader("Bearer " + idp.token().sign()).subject()).isEqualTo("alice");
        assertThatThrownBy(() -> verifier.verifyAuthorizationHeader("Basic YWxpY2U6cHc="))
                .satisfies(e -> assertThat(((IdentityException) e).errorCode()).isEqualTo(ErrorCode.IDENTITY_TOKEN_MALFORMED));
    }

    // attacks on the algorithm

    @Test
    void verify_algNone_isRefusedWithAlgorithmRefused() {
        assertRefused(idp.token().unsecured(), ErrorCode.IDENTITY_ALGORITHM_REFUSED);
        String none = idp.token().unsecured();
        String noneUpper = none.replaceFirst("^[^.]+", b64("{\"alg\":\"NONE\",\"kid\":\"" + idp.currentKeyId() + "\"}"));
        assertRefused(noneUpper, ErrorCode.IDENTITY_ALGORITHM_REFUSED);
        assertRefused(none + "c2ln", ErrorCode.IDENTITY_ALGORITHM_REFUSED);
    }

    @Test
    void verify_hs256SignedWithTheRsaPublicKey_isRefusedAsKeyConfusion() {
        assertRefused(idp.token().hmacWithPublicKey(), ErrorCode.IDENTITY_ALGORITHM_REFUSED);
        assertThat(idp.jwksRequests()).as("refused before any key is looked up").isZero();
    }

    @Test
    void verify_hs256WhileTheJwksPublishesAnOctKeyUnderTheKid_isStillRefused() {
        idp.publishJwk(Map.of("kty", "oct", "kid", "shared", "k", b64("not-a-secret-anyone-can-read-it")));
        assertRefused(idp.token().header("kid", "shared").hmacWithPublicKey(), ErrorCode.IDENTITY_ALGORITHM_REFUSED);
        assertRefused(idp.token().header("kid", "shared").sign(), ErrorCode.IDENTITY_KEY_UNKNOWN);
    }

    @Test
    void verify_headerAlgorithmOtherThanTheKeys_isRefusedWithAlgorithmMismatch() {
        String ed = idp.addKey(JwsAlgorithm.EDDSA);
        assertRefused(idp.token().header("alg", "ES256").sign(), ErrorCode.IDENTITY_ALGORITHM_MISMATCH);
        assertRefused(idp.token().header("alg", "PS256").sign(), ErrorCode.IDENTITY_ALGORITHM_MISMATCH);
        assertRefused(idp.token().signingKey(ed).header("alg", "ES256").sign(), ErrorCode.IDENTITY_ALGORITHM_MISMATCH);
    }

    @Test
    void verify_algorithmNotInTheAllowedList_isRefused() {
        verifier.close();
        verifier = IdentityVerifier.create(options(b -> b.allowedAlgorithms(Set.of("RS256"))));
        String ec = idp.addKey(JwsAlgorithm.ES256);
        assertRefused(idp.token().signingKey(ec).sign(), ErrorCode.IDENTITY_ALGORITHM_REFUSED);
    }

    @Test
    void verify_tamperedSignature_isRefusedWithSignatureInvalid() {
        String ec = idp.addKey(JwsAlgorithm.ES256);
        String ed = idp.addKey(JwsAlgorithm.EDDSA);
        assertRefused(idp.token().signTampered(), ErrorCode.IDENTITY_SIGNATURE_INVALID);
        assertRefused(idp.token().signingKey(ec).signTampered(), ErrorCode.IDENTITY_SIGNATURE_INVALID);
        assertRefused(idp.token().signingKey(ed).signTampered(), ErrorCode.IDENTITY_SIGNATURE_INVALID);
    }

    @Test
    void verify_claimsSwappedUnderAValidSignature_isRefusedWithSignatureInvalid() {
        String[] good = idp.token().subject("alice").sign().split("\\.");
        String forged = good[0] + "." + b64(idp.token().subject("mallory").scope("idea:admin").claimsJson()) + "." + good[2];
        assertRefused(forged, ErrorCode.IDENTITY_SIGNATURE_INVALID);
    }

    // attacks on the claims

    @Test
    void verify_wrongIssuer_isRefusedWithIssuerMismatch() {
        assertRefused(idp.token().issuer("https://evil.example.com").sign(), ErrorCode.IDENTITY_ISSUER_MISMATCH);
        assertRefused(idp.token().issuer(idp.issuer() + "/").sign(), ErrorCode.IDENTITY_ISSUER_MISMATCH);
        assertRefused(idp.token().claim("iss", null).sign(), ErrorCode.IDENTITY_ISSUER_MISMATCH);
    }

    @Test
    void verify_wrongAudience_isRefusedWithAudienceMismatch() {
        assertRefused(idp.token().audience("other-api").sign(), ErrorCode.IDENTITY_AUDIENCE_MISMATCH);
        assertRefused(idp.token().audience("other-api", "third-api").sign(), ErrorCode.IDENTITY_AUDIENCE_MISMATCH);
        assertRefused(idp.token().claim("aud", null).sign(), ErrorCode.IDENTITY_AUDIENCE_MISMATCH);
    }

    @Test
    void verify_expiredToken_isRefusedWithTokenExpiredBeyondTheSkewOnly() {
        String token = idp.token().expiresAt(T0.plusSeconds(60)).sign();
        clock.setInstant(T0.plusSeconds(60 + 59));
        assertThat(verifier.verify(token).subject()).as("inside the 60 s skew").isEqualTo("alice");
        clock.setInstant(T0.plusSeconds(60 + 60));
        assertRefused(token, ErrorCode.IDENTITY_TOKEN_EXPIRED);
    }

    @Test
    void verify_notBeforeInTheFuture_isRefusedWithTokenNotYetValid() {
        assertRefused(idp.token().notBefore(T0.plusSeconds(61)).sign(), ErrorCode.IDENTITY_TOKEN_NOT_YET_VALID);
        assertThat(verifier.verify(idp.token().notBefore(T0.plusSeconds(60)).sign()).subject()).isEqualTo("alice");
    }

    @Test
    void verify_issuedInTheFuture_isRefusedWithTokenNotYetValid() {
        assertRefused(idp.token().issuedAt(T0.plus(Duration.ofMinutes(2))).sign(), ErrorCode.IDENTITY_TOKEN_NOT_YET_VALID);
    }

    @Test
    void verify_missingOrMistypedRequiredClaims_isRefusedWithClaimInvalid() {
        assertRefused(idp.token().claim("sub", null).sign(), ErrorCode.IDENTITY_CLAIM_INVALID);
        assertRefused(idp.token().claim("sub", 42).sign(), ErrorCode.IDENTITY_CLAIM_INVALID);
        assertRefused(idp.token().claim("exp", null).sign(), ErrorCode.IDENTITY_CLAIM_INVALID);
        assertRefused(idp.token().claim("exp", "tomorrow").sign(), ErrorCode.IDENTITY_CLAIM_INVALID);
        assertRefused(idp.token().claim("exp", 1e300).sign(), ErrorCode.IDENTITY_CLAIM_INVALID);
    }

    // malformed tokens

    @Test
    void verify_malformedTokens_areRefusedWithTokenMalformed() {
        String good = idp.token().sign();
        String[] parts = good.split("\\.");
        for (String bad : List.of("", "abc", parts[0] + "." + parts[1], good + ".x.y", parts[0] + "=." + parts[1] + "." + parts[2],
                "!!!." + parts[1] + "." + parts[2], b64("[1,2]") + "." + parts[1] + "." + parts[2],
                b64("{\"kid\":\"x\"}") + "." + parts[1] + "." + parts[2])) {
            assertRefused(bad, ErrorCode.IDENTITY_TOKEN_MALFORMED);
        }
        assertRefused(idp.token().header("crit", List.of("exp")).header("exp", 1).sign(), ErrorCode.IDENTITY_TOKEN_MALFORMED);
        assertRefused(idp.token().header("b64", false).sign(), ErrorCode.IDENTITY_TOKEN_MALFORMED);
        assertRefused(idp.token().claim("padding", "x".repeat(20_000)).sign(), ErrorCode.IDENTITY_TOKEN_MALFORMED);
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(IdentityException.class);
    }

    // keys, rotation and the cache

    @Test
    void verify_unknownKid_refreshesOnceThenRefusesWithKeyUnknown() {
        verifier.verify(idp.token().sign());
        assertThat(idp.jwksRequests()).isEqualTo(1);

        assertRefused(idp.token().header("kid", "foreign-1").sign(), ErrorCode.IDENTITY_KEY_UNKNOWN);
        assertThat(idp.jwksRequests()).as("one refresh for the unknown kid").isEqualTo(2);

        assertRefused(idp.token().header("kid", "foreign-2").sign(), ErrorCode.IDENTITY_KEY_UNKNOWN);
        assertRefused(idp.token().header("kid", "foreign-3").sign(), ErrorCode.IDENTITY_KEY_UNKNOWN);
        assertThat(idp.jwksRequests()).as("further refreshes are rate-limited").isEqualTo(2);

        clock.advance(OidcOptions.DEFAULT_JWKS_REFRESH_MIN_INTERVAL);
        assertRefused(idp.token().header("kid", "foreign-4").sign(), ErrorCode.IDENTITY_KEY_UNKNOWN);
        assertThat(idp.jwksRequests()).isEqualTo(3);
    }

    @Test
    void verify_controlCharactersInTokenValues_neverReachTheMessage() {
        assertThatThrownBy(() -> verifier.verify(idp.token().header("kid", "x\nFAKE LOG LINE").sign()))
                .hasMessageContaining("x?FAKE LOG LINE").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> verifier.verify(idp.token().issuer("evil\r\nx".repeat(100)).sign()))
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @Test
    void verify_afterRotation_newKidIsFetchedAndAccepted() {
        verifier.verify(idp.token().sign());
        String next = idp.rotate();

        Identity identity = verifier.verify(idp.token().subject("erin").sign());

        assertThat(identity.subject()).isEqualTo("erin");
        assertThat(idp.currentKeyId()).isEqualTo(next);
        assertThat(idp.jwksRequests()).isEqualTo(2);
    }

    @Test
    void verify_tokenOfARotatedOutKeyAfterCacheExpiry_isRefusedWithKeyUnknown() {
        String old = idp.currentKeyId();
        verifier.verify(idp.token().sign());
        idp.rotate();
        idp.retire(old);
        String byOldKey = idp.token().signingKey(old).sign();
        assertThat(verifier.verify(byOldKey).subject()).as("still in the cached JWKS").isEqualTo("alice");

        clock.advance(OidcOptions.DEFAULT_JWKS_CACHE_TTL);

        assertRefused(byOldKey, ErrorCode.IDENTITY_KEY_UNKNOWN);
    }

    @Test
    void verify_manyTokensWithinTheTtl_fetchTheJwksOnce() {
        for (int i = 0; i < 20; i++) {
            verifier.verify(idp.token().subject("user" + i).sign());
        }
        assertThat(idp.jwksRequests()).isEqualTo(1);
        clock.advance(OidcOptions.DEFAULT_JWKS_CACHE_TTL);
        verifier.verify(idp.token().sign());
        assertThat(idp.jwksRequests()).isEqualTo(2);
    }

    // fail closed when the JWKS cannot be fetched

    @Test
    void verify_jwksAnswering5xx_isRefusedWithJwksUnavailableAndRecovers() {
        String token = idp.token().sign();
        idp.respond(JwksResponse.SERVER_ERROR);
        assertRefused(token, ErrorCode.IDENTITY_JWKS_UNAVAILABLE);
        assertThatThrownBy(() -> verifier.verify(token)).hasMessageContaining("HTTP 503");

        idp.respond(JwksResponse.NORMAL);
        assertThat(verifier.verify(token).subject()).as("failures are not cached").isEqualTo("alice");
    }

    @Test
    void verify_jwksServingMalformedJsonOrNoKeys_isRefusedWithJwksUnavailable() {
        String token = idp.token().sign();
        idp.respond(JwksResponse.MALFORMED_JSON);
        assertRefused(token, ErrorCode.IDENTITY_JWKS_UNAVAILABLE);
        idp.respond(JwksResponse.NOT_A_JWKS);
        assertRefused(token, ErrorCode.IDENTITY_JWKS_UNAVAILABLE);
    }

    @Test
    void verify_jwksThatHangs_isRefusedWithJwksUnavailableAfterTheTimeout() {
        verifier.close();
        verifier = IdentityVerifier.create(options(b -> b.httpTimeout(Duration.ofMillis(300))));
        idp.respond(JwksResponse.HANG);
        assertThatThrownBy(() -> verifier.verify(idp.token().sign()))
                .satisfies(e -> assertThat(((IdentityException) e).errorCode()).isEqualTo(ErrorCode.IDENTITY_JWKS_UNAVAILABLE))
                .hasMessageContaining("did not answer within PT0.3S");
        idp.respond(JwksResponse.NORMAL);
    }

    @Test
    void verify_jwksUnreachable_isRefusedWithJwksUnavailable() {
        verifier.close();
        idp.close();
        verifier = IdentityVerifier.create(options(b -> b));
        assertRefused(idp.token().sign(), ErrorCode.IDENTITY_JWKS_UNAVAILABLE);
    }

    @Test
    void verify_cachedJwksExpiredWhileEndpointFails_refusesInsteadOfUsingStaleKeys() {
        String token = idp.token().expiresAt(T0.plus(Duration.ofHours(1))).sign();
        verifier.verify(token);
        idp.respond(JwksResponse.SERVER_ERROR);
        clock.advance(OidcOptions.DEFAULT_JWKS_CACHE_TTL);
        assertRefused(token, ErrorCode.IDENTITY_JWKS_UNAVAILABLE);
    }

    @Test
    void verify_jwksLargerThanTheLimit_isRefusedWithJwksUnavailable() {
        verifier.close();
        verifier = IdentityVerifier.create(options(b -> b.maxJwksBytes(100)));
        assertRefused(idp.token().sign(), ErrorCode.IDENTITY_JWKS_UNAVAILABLE);
    }

    // roles

    @Test
    void verify_customMappingWithNestedClaim_grantsRoles() {
        verifier.close();
        verifier = IdentityVerifier.create(options(b -> b.roleMapping(RoleMapping.of(
                new RoleGrant("realm_access.roles", "release-manager", IdentityRole.APPROVER),
                new RoleGrant("groups", "ops", IdentityRole.SUBMITTER),
                new RoleGrant("scp", "idea.audit", IdentityRole.AUDITOR)))));
        String token = idp.token().claim("realm_access", Map.of("roles", List.of("user", "release-manager")))
                .claim("groups", "ops").claim("scp", "openid idea.audit").scope("idea:admin").sign();

        Identity identity = verifier.verify(token);

        assertThat(identity.roles()).containsExactly(IdentityRole.SUBMITTER, IdentityRole.APPROVER, IdentityRole.AUDITOR);
        assertThat(identity.hasRole(IdentityRole.SUPERADMIN)).as("idea:admin is not in this mapping").isFalse();
    }

    @Test
    void verify_scopeIsSplitOnSpacesButOtherClaimsAreNot() {
        Identity identity = verifier.verify(idp.token().scope("idea:submit").claim("roles", "approver auditor").sign());
        assertThat(identity.roles()).containsExactly(IdentityRole.SUBMITTER);
    }

    @Test
    void requireRole_missingRole_isRefusedWithRoleMissing() {
        Identity identity = verifier.verify(idp.token().scope("idea:submit").sign());
        assertThat(identity.requireRole(IdentityRole.SUBMITTER)).isSameAs(identity);
        assertThatThrownBy(() -> identity.requireRole(IdentityRole.APPROVER))
                .satisfies(e -> assertThat(((IdentityException) e).errorCode()).isEqualTo(ErrorCode.IDENTITY_ROLE_MISSING))
                .hasMessageContaining("approver").hasMessageContaining("[submitter]");
    }

    @Test
    void verify_afterClose_isRefusedWithClosed() {
        verifier.close();
        assertThatThrownBy(() -> verifier.verify(idp.token().sign()))
                .satisfies(e -> assertThat(((IdentityException) e).errorCode()).isEqualTo(ErrorCode.CLOSED));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
