package dev.idea.core;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Selects one provider of a kind by id, from providers passed in code first and from
 * {@link ServiceLoader} second; never "the first one found", never a silent fallback.
 */
final class ProviderSelector {
    /** The artifact that supplies each well-known provider id, for "add this artifact" messages. */
    private static final Map<String, String> ARTIFACTS = Map.of(
            "storage:filesystem", "dev.idea:idea-core",
            "storage:memory", "dev.idea:idea-testkit",
            "storage:jdbc", "dev.idea:idea-storage-jdbc",
            "kms:local", "dev.idea:idea-kms-local",
            "kms:pkcs11", "dev.idea:idea-kms-pkcs11",
            "kernel:in-process", "dev.idea:idea-core",
            "kernel:fake", "dev.idea:idea-testkit",
            "kernel:http", "dev.idea:idea-kernel-http");

    private ProviderSelector() {
    }

    /**
     * Returns the provider of type {@code type} with id {@code id}.
     *
     * @throws ConfigurationException with {@link ErrorCode#PROVIDER_NOT_FOUND} naming the id, the ids
     *     found and the artifact to add, or {@link ErrorCode#PROVIDER_DUPLICATE_ID}
     */
    static <P extends IdeaProvider> P select(Class<P> type, String kind, String id, List<IdeaProvider> inCode) {
        Map<String, P> programmatic = byId(type, kind, inCode.stream().filter(type::isInstance).map(type::cast).toList());
        if (programmatic.containsKey(id)) {
            return programmatic.get(id);
        }
        Map<String, P> discovered = byId(type, kind, discover(type, kind));
        P provider = discovered.get(id);
        if (provider == null) {
            TreeSet<String> found = new TreeSet<>(programmatic.keySet());
            found.addAll(discovered.keySet());
            String artifact = ARTIFACTS.get(kind + ":" + id);
            throw new ConfigurationException(ErrorCode.PROVIDER_NOT_FOUND, "no " + kind + " provider with id \"" + id
                    + "\"; found " + (found.isEmpty() ? "none" : found) + ". "
                    + (artifact != null ? "Add the artifact " + artifact + " to the runtime class path"
                            : "Add the artifact that provides it to the runtime class path")
                    + ", or pass the provider object to Idea.builder().provider(...)");
        }
        return provider;
    }

    private static <P extends IdeaProvider> List<P> discover(Class<P> type, String kind) {
        try {
            return ServiceLoader.load(type, ProviderSelector.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException(ErrorCode.PROVIDER_FAILURE, "a " + kind + " provider on the class path cannot be "
                    + "loaded: " + e.getMessage() + "; fix or remove that artifact", e);
        }
    }

    private static <P extends IdeaProvider> Map<String, P> byId(Class<P> type, String kind, List<P> providers) {
        Map<String, P> byId = new LinkedHashMap<>();
        for (P p : providers) {
            P other = byId.putIfAbsent(p.id(), p);
            if (other != null) {
                throw new ConfigurationException(ErrorCode.PROVIDER_DUPLICATE_ID, "two " + kind + " providers declare id \""
                        + p.id() + "\": " + other.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one of the artifacts, or pass the one you want in code");
            }
        }
        return byId;
    }
}
