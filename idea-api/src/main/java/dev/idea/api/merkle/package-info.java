/**
 * RFC 9162 (RFC 6962) Merkle tree hashing and proof verification on raw hashes: a verifier of
 * IDEA's inclusion and consistency proofs that needs nothing else from IDEA (JDK only).
 *
 * <p>Leaf hash = SHA-256(0x00 || data), interior node = SHA-256(0x01 || left || right), the root of
 * the empty tree = SHA-256 of the empty string. Verification throws a
 * {@link dev.idea.api.VerificationException} with {@link dev.idea.api.ErrorCode#MERKLE_PROOF_INVALID};
 * it never returns {@code false}.
 */
package dev.idea.api.merkle;
