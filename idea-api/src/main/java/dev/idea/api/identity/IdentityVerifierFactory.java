package dev.idea.api.identity;

/**
 * The implementation behind {@link IdentityVerifier#create(OidcOptions)}, supplied by {@code
 * idea-core} as a {@link java.util.ServiceLoader} service. Applications do not use it directly.
 *
 * @since 0.1
 */
public interface IdentityVerifierFactory {

    /**
     * Creates a verifier.
     *
     * @param options the settings
     * @return the verifier
     */
    IdentityVerifier create(OidcOptions options);
}
