package dev.idea.core.identity;

import dev.idea.api.identity.IdentityVerifier;
import dev.idea.api.identity.IdentityVerifierFactory;
import dev.idea.api.identity.OidcOptions;

/**
 * The {@link IdentityVerifierFactory} service of {@code idea-core}, found by
 * {@link IdentityVerifier#create(OidcOptions)}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DefaultIdentityVerifierFactory implements IdentityVerifierFactory {

    /** Creates the factory; called by {@link java.util.ServiceLoader}. */
    public DefaultIdentityVerifierFactory() {
        // stateless
    }

    @Override
    public IdentityVerifier create(OidcOptions options) {
        return new DefaultIdentityVerifier(options);
    }
}
