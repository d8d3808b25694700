package dev.idea.spi.kernel;

import java.util.Optional;

/**
 * An open kernel: signs manifests and keeps the registry of signers.
 *
 * <p>Implementations are thread-safe.
 *
 * <p>Security guarantees expected of implementations: {@link #signManifest} signs the DSSE
 * pre-authentication encoding of exactly the payload type and payload in the request, with the key
 * that {@link #signer} reports for the returned signer id.
 *
 * @since 0.1
 */
public interface Kernel extends AutoCloseable {

    /**
     * Signs a manifest.
     *
     * @param request the payload type, canonical manifest bytes and their digest
     * @return the signature, the signer id and the {@code manifestSignatureId}
     * @throws dev.idea.api.ProviderException with {@code PROVIDER_FAILURE} when signing fails
     */
    ManifestSignature signManifest(SigningRequest request);

    /**
     * Looks a signer up in the registry.
     *
     * @param signerId the signer id
     * @return the signer, or empty when unknown
     */
    Optional<Signer> signer(String signerId);

    /** Releases connections; idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
