package dev.idea.api;

/**
 * Common shape of IDEA's service providers (KMS, storage, kernel): each has a stable id by which
 * configuration selects it.
 *
 * <p>Provider interfaces live in the {@code idea-spi-*} modules and extend this one, so that
 * providers can be handed to {@link Idea.Builder#provider(IdeaProvider)} as objects.
 *
 * @since 0.1
 */
public interface IdeaProvider {

    /**
     * Returns the stable id, e.g. {@code filesystem}; lowercase letters, digits and {@code -}.
     *
     * @return the id
     */
    String id();
}
