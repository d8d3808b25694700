package dev.idea.api;

/**
 * Start-up guards that make {@link Idea.Builder#build()} fail fast when their inputs are missing.
 *
 * <p>Each is switched on by {@link Idea.Builder#require(StartupRequirement)} or by the environment
 * variable of the same name set to {@code true} or {@code 1}.
 *
 * @since 0.1
 */
public enum StartupRequirement {
    /**
     * Signing keys must live in an explicitly chosen KMS: a KMS provider selected by id or passed in
     * code, a signing key reference ({@code idea.kernel.key-ref} / {@code IDEA_KMS_KEY_REF}), and the
     * KMS must answer for that key at start-up.
     */
    REQUIRE_KMS,
    /**
     * Manifests must be signed through a remote signing proxy: {@code idea.signing-proxy.url} /
     * {@code IDEA_SIGNING_PROXY_URL} must be an {@code https} URL and the kernel must not be the
     * in-process one.
     */
    REQUIRE_SIGNING_PROXY,
    /**
     * Outbound connections must use mutual TLS: a key store with a private key
     * ({@code idea.mtls.keystore} / {@code IDEA_MTLS_KEYSTORE}, password {@code IDEA_MTLS_KEYSTORE_PASSWORD})
     * and a trust store with at least one certificate ({@code idea.mtls.truststore} /
     * {@code IDEA_MTLS_TRUSTSTORE}) must load.
     */
    REQUIRE_MTLS
}
