package dev.idea.api.engine;

import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.simulation.Simulations;

/**
 * The implementation behind {@link Idea}, supplied by {@code idea-core} as a
 * {@link java.util.ServiceLoader} service.
 *
 * @since 0.1
 */
public interface IdeaEngine {

    /**
     * Creates an instance from a validated configuration.
     *
     * @param config what the builder collected
     * @return the running instance
     * @throws dev.idea.api.ConfigurationException when a provider is missing or a requirement unmet
     */
    Idea create(IdeaConfig config);

    /**
     * Returns the stateless format operations.
     *
     * @return the formats
     */
    IdeaFormats formats();

    /**
     * Returns the stateless simulation operations.
     *
     * @return the simulations
     */
    Simulations simulations();
}
