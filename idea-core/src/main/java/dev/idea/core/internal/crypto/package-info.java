/**
 * Public-key decoding and signature verification for IDEA's two algorithms, Ed25519 and ECDSA
 * P-256/SHA-256; the only package of {@code idea-core} that uses BouncyCastle.
 *
 * <p>The classes here are public only so that other packages of {@code idea-core} can call them;
 * {@code idea-core} exports no package.
 */
package dev.idea.core.internal.crypto;
