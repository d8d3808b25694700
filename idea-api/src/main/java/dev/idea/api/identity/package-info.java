/**
 * Identities from OIDC / OAuth2 access tokens: the {@link dev.idea.api.identity.Identity} a verified
 * JWT stands for, the {@link dev.idea.api.identity.IdentityRole roles} it is mapped to, and the
 * {@link dev.idea.api.identity.IdentityVerifier} that checks tokens against an issuer's JWKS. Obtain
 * the implementation with {@link dev.idea.api.identity.IdentityVerifier#create(OidcOptions)}.
 *
 * <p>This package depends on the JDK only. Unless a method says otherwise, arguments and return
 * values are never null. The checks, their error codes and the role mapping are described in
 * {@code docs/identities.md}.
 */
package dev.idea.api.identity;
