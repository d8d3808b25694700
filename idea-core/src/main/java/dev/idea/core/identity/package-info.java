/**
 * Identities from OIDC / OAuth2 access tokens: the {@link dev.idea.api.identity.IdentityVerifier}
 * service, the registered-claim checks (issuer, audience, expiry, not-before, issued-at with bounded
 * skew) and the claim-to-role mapping. Signatures and the JWKS are handled by {@code
 * dev.idea.core.internal.jose}.
 */
package dev.idea.core.identity;
