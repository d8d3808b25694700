package dev.idea.spi.kernel;

import dev.idea.api.IdeaProvider;

/**
 * Entry point of a kernel implementation, discovered by {@link java.util.ServiceLoader} or passed
 * to {@code Idea.builder().provider(…)}, and selected by {@link #id()}.
 *
 * @since 0.1
 */
public interface KernelProvider extends IdeaProvider {

    /**
     * Opens the kernel.
     *
     * @param context settings, data directory, clock and, when a KMS is configured, a signing key
     * @return the open kernel
     * @throws dev.idea.api.ConfigurationException when a required setting or the signing key is missing
     * @throws dev.idea.api.ProviderException when the kernel cannot be reached
     */
    Kernel open(KernelContext context);
}
