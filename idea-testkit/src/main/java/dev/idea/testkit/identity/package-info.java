/**
 * A fake OIDC identity provider for tests: {@link dev.idea.testkit.identity.FakeIdentityProvider}
 * serves a JWKS from a real local HTTP server, mints access tokens (RS256, ES256, EdDSA) with JDK
 * keys, rotates and retires keys, and can be told to answer 5xx, hang or serve malformed JSON.
 * {@link dev.idea.testkit.identity.TokenBuilder} also mints the tokens of known attacks
 * ({@code alg: none}, HMAC signed with a public key).
 *
 * <p>Uses the JDK only ({@code jdk.httpserver}, JCA signatures): no JOSE library.
 */
package dev.idea.testkit.identity;
