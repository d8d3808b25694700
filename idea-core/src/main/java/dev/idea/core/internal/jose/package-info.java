/**
 * JWS access-token verification against an issuer's JWKS: compact serialization parsing, key
 * selection with the algorithm pinned by the key, signature checks, and JWKS fetching over HTTP
 * with a caffeine cache. The only package of {@code idea-core} that uses nimbus-jose-jwt, and one of
 * the two that use caffeine.
 *
 * <p>The classes here are public only so that {@code dev.idea.core.identity} can call them;
 * {@code idea-core} exports no package. Their results carry JDK types only.
 */
package dev.idea.core.internal.jose;
