package dev.idea.cli;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.Kms;
import dev.idea.spi.kms.KmsContext;
import dev.idea.spi.kms.KmsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * A KMS provider that delegates to another one and remembers the {@link Kms} it opened, so that the
 * demo can export the public half of the very key the kernel signed with.
 *
 * <p>Thread-safe. Security guarantees: adds no capability; private keys stay in the delegate.
 */
final class RecordingKmsProvider implements KmsProvider {
    private final KmsProvider delegate;
    private volatile Kms opened;

    private RecordingKmsProvider(KmsProvider delegate) {
        this.delegate = delegate;
    }

    /**
     * Wraps the KMS provider with the given id found by {@link ServiceLoader}.
     *
     * @param id the provider id, e.g. {@code local}
     * @return the wrapper
     * @throws ConfigurationException with {@link ErrorCode#PROVIDER_NOT_FOUND} when no provider has the id
     */
    static RecordingKmsProvider wrapping(String id) {
        List<String> found = new ArrayList<>();
        for (KmsProvider provider : ServiceLoader.load(KmsProvider.class, RecordingKmsProvider.class.getClassLoader())) {
            if (provider.id().equals(id)) {
                return new RecordingKmsProvider(provider);
            }
            found.add(provider.id());
        }
        throw new ConfigurationException(ErrorCode.PROVIDER_NOT_FOUND, "no KMS provider with id \"" + id
                + "\"; found " + found + "; add the artifact dev.idea:idea-kms-local to the class path");
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Kms open(KmsContext context) {
        Kms kms = delegate.open(context);
        opened = kms;
        return kms;
    }

    /**
     * Returns the public half of a key of the KMS opened through this provider.
     *
     * @param key the key reference
     * @return the verification key
     * @throws IllegalStateException when no KMS was opened yet
     */
    VerificationKey publicKey(String key) {
        Kms kms = opened;
        if (kms == null) {
            throw new IllegalStateException("the KMS \"" + delegate.id() + "\" was not opened; build the Idea first");
        }
        return kms.publicKey(KeyRef.of(Objects.requireNonNull(key, "key")));
    }
}
