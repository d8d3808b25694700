package dev.idea.spi.kms;

import dev.idea.api.IdeaProvider;

/**
 * Entry point of a KMS implementation, discovered by {@link java.util.ServiceLoader} or passed to
 * {@code Idea.builder().provider(…)}, and selected by {@link #id()}.
 *
 * <p>Implementations must have a public no-argument constructor when registered as a service, and
 * be thread-safe.
 *
 * @since 0.1
 */
public interface KmsProvider extends IdeaProvider {

    /**
     * Opens a connection to the KMS.
     *
     * @param context settings, data directory and clock
     * @return the open KMS
     * @throws dev.idea.api.ProviderException with {@code PROVIDER_FAILURE} when the KMS cannot be reached
     * @throws dev.idea.api.ConfigurationException with {@code CONFIG_INVALID} when a setting is wrong
     */
    Kms open(KmsContext context);
}
