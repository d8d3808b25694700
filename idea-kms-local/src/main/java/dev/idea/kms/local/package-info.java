/**
 * The local software KMS: {@link dev.idea.kms.local.LocalKms} holds Ed25519 and ECDSA P-256
 * private keys in process memory, optionally persisted as PKCS#8 PEM files, and
 * {@link dev.idea.kms.local.LocalKmsProvider} exposes it under the provider id {@code local}.
 *
 * <p>Keys in a software KMS are only as safe as the process and the file system that hold them:
 * use it for development, tests and demonstrations, and an HSM- or cloud-backed KMS in production.
 */
package dev.idea.kms.local;
