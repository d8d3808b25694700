package dev.idea.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.identity.IdentityException;
import dev.idea.api.identity.IdentityRole;
import dev.idea.api.identity.OidcOptions;
import dev.idea.api.identity.RoleGrant;
import dev.idea.api.identity.RoleMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Settings are checked at once and name the bad value. */
class OidcOptionsTest {
    private static final URI JWKS = URI.create("https://login.example.com/jwks");

    private static OidcOptions.Builder valid() {
        return OidcOptions.builder().issuer("https://login.example.com").audience("idea-api").jwksUri(JWKS);
    }

    private static void assertInvalid(ThrowingCallable call, String fragment) {
        assertThatThrownBy(call).isInstanceOf(IdentityException.class)
                .satisfies(e -> assertThat(((IdentityException) e).errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessageContaining(fragment);
    }

    @Test
    void build_defaults_areTheDocumentedOnes() {
        OidcOptions options = valid().build();
        assertThat(options.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.allowedAlgorithms()).containsExactly("ES256", "EdDSA", "PS256", "RS256");
        assertThat(options.roleMapping()).isEqualTo(RoleMapping.defaults());
        assertThat(options.insecureAllowHttp()).isFalse();
    }

    @Test
    void build_httpJwksUriWithoutInsecureSwitch_isRefused() {
        assertInvalid(() -> valid().jwksUri(URI.create("http://login.example.com/jwks")).build(), "plain http");
        assertThat(valid().jwksUri(URI.create("http://127.0.0.1:1/jwks")).insecureAllowHttp(true).build().jwksUri().getScheme())
                .isEqualTo("http");
    }

    @Test
    void allowedAlgorithms_noneOrHmac_isRefused() {
        assertInvalid(() -> valid().allowedAlgorithms(Set.of("RS256", "HS256")), "HS256");
        assertInvalid(() -> valid().allowedAlgorithms(Set.of("none")), "none");
        assertInvalid(() -> valid().allowedAlgorithms(Set.of()), "empty");
    }

    @Test
    void setters_outOfRangeValues_areRefusedNamingTheValue() {
        assertInvalid(() -> valid().clockSkew(Duration.ofMinutes(6)), "PT6M");
        assertInvalid(() -> valid().clockSkew(Duration.ofSeconds(-1)), "clockSkew");
        assertInvalid(() -> valid().jwksCacheTtl(Duration.ZERO), "jwksCacheTtl");
        assertInvalid(() -> valid().httpTimeout(Duration.ofMinutes(2)), "httpTimeout");
        assertInvalid(() -> valid().maxTokenLength(0), "maxTokenLength");
        assertInvalid(() -> valid().jwksUri(URI.create("file:///etc/jwks.json")), "jwksUri");
        assertInvalid(() -> OidcOptions.builder().audience("a").build(), "required");
        assertInvalid(() -> valid().issuer(" "), "issuer");
    }

    @Test
    void roleMapping_duplicateOrMalformedGrants_areRefused() {
        RoleGrant grant = RoleGrant.scope("idea:approve", IdentityRole.APPROVER);
        assertInvalid(() -> RoleMapping.of(grant, grant), "twice");
        assertInvalid(() -> new RoleGrant("a..b", "x", IdentityRole.AUDITOR), "a..b");
        assertInvalid(() -> new RoleGrant("roles", "", IdentityRole.AUDITOR), "1 to 1024");
        assertInvalid(() -> IdentityRole.fromWireName("root"), "root");
        assertThat(IdentityRole.fromWireName("superadmin")).isEqualTo(IdentityRole.SUPERADMIN);
    }
}
