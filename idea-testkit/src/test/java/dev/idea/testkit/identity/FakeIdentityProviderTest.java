package dev.idea.testkit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake provider's tokens verify with the JDK alone, and its JWKS endpoint obeys the switches. */
class FakeIdentityProviderTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T10:00:00Z"));
    private FakeIdentityProvider idp;

    @BeforeEach
    void start() {
        idp = FakeIdentityProvider.start(clock);
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    @Test
    void sign_eachAlgorithm_verifiesWithTheJdkUnderThePublishedKey() throws GeneralSecurityException {
        String ec = idp.addKey(JwsAlgorithm.ES256);
        String ed = idp.addKey(JwsAlgorithm.EDDSA);
        assertTrue(jdkVerifies(idp.token().sign(), "SHA256withRSA", idp.currentKeyId()));
        assertTrue(jdkVerifies(idp.token().signingKey(ec).sign(), "SHA256withECDSAinP1363Format", ec));
        assertTrue(jdkVerifies(idp.token().signingKey(ed).sign(), "Ed25519", ed));
        assertFalse(jdkVerifies(idp.token().signTampered(), "SHA256withRSA", idp.currentKeyId()));
    }

    @Test
    void token_defaults_carryIssuerAudienceAndClockTimes() {
        String payload = decode(idp.token().sign().split("\\.")[1]);
        long now = clock.instant().getEpochSecond();
        for (String member : new String[] {"\"iss\":\"" + idp.issuer() + "\"", "\"aud\":\"idea-api\"", "\"sub\":\"alice\"",
                "\"iat\":" + now, "\"exp\":" + (now + 300)}) {
            assertTrue(payload.contains(member), payload + " lacks " + member);
        }
    }

    @Test
    void attacks_haveTheAdvertisedHeaders() {
        String unsecured = idp.token().unsecured();
        assertTrue(decode(unsecured.split("\\.")[0]).contains("\"alg\":\"none\""));
        assertTrue(unsecured.endsWith("."));
        assertTrue(decode(idp.token().hmacWithPublicKey().split("\\.")[0]).contains("\"alg\":\"HS256\""));
    }

    @Test
    void jwks_rotationAndRetirement_changeThePublishedKids() throws IOException {
        String first = idp.currentKeyId();
        String second = idp.rotate();
        String both = get(200);
        assertTrue(both.contains(first) && both.contains(second), both);
        idp.retire(first);
        String after = get(200);
        assertTrue(!after.contains(first) && after.contains(second), after);
        assertEquals(2, idp.jwksRequests());
    }

    @Test
    void jwks_switches_answerErrorsAndMalformedDocuments() throws IOException {
        idp.respond(JwksResponse.SERVER_ERROR);
        get(503);
        idp.respond(JwksResponse.MALFORMED_JSON);
        assertTrue(get(200).startsWith("{\"keys\": ["));
        idp.respond(JwksResponse.NORMAL);
        assertTrue(get(200).startsWith("{\"keys\":[{\"kty\":\"RSA\""));
    }

    private String get(int expectedStatus) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) idp.jwksUri().toURL().openConnection();
        try {
            assertEquals(expectedStatus, connection.getResponseCode());
            try (InputStream in = expectedStatus == 200 ? connection.getInputStream() : connection.getErrorStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    private boolean jdkVerifies(String token, String algorithm, String kid) throws GeneralSecurityException {
        int dot = token.lastIndexOf('.');
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(idp.publicKey(kid));
        signature.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(token.substring(dot + 1)));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
