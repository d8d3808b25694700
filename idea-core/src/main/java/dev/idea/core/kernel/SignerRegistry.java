package dev.idea.core.kernel;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.spi.kernel.Signer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The in-process kernel's registry of signers: every key it has signed with, active or revoked.
 *
 * <p>A registry is a snapshot taken when the kernel opens; entries never change afterwards (the
 * in-process kernel only adds its own signer, at open). Immutable and thread-safe.
 *
 * <p>Security guarantees: a signer id is bound to exactly one key. Registering a different key, or
 * re-activating a revoked signer, under an existing id is refused, so a signature is always judged
 * against the key that made it.
 */
final class SignerRegistry {
    private final SortedMap<String, Signer> signers;

    private SignerRegistry(SortedMap<String, Signer> signers) {
        this.signers = Collections.unmodifiableSortedMap(new TreeMap<>(signers));
    }

    /**
     * Returns a registry held in memory only, containing just {@code own}.
     *
     * @param own the kernel's signer
     * @return the registry
     */
    static SignerRegistry inMemory(Signer own) {
        return new SignerRegistry(new TreeMap<>(Map.of(own.signerId(), own)));
    }

    /**
     * Reads the registry file in {@code directory}, adds {@code own} if its id is new and writes the
     * file back, all under the registry lock.
     *
     * @param directory the kernel's directory, {@code <dataDirectory>/kernel}
     * @param own the kernel's signer
     * @return the registry, including {@code own}
     * @throws ConfigurationException when {@code own}'s id is registered with another key or revoked
     */
    static SignerRegistry open(Path directory, Signer own) {
        Objects.requireNonNull(own, "own");
        var registryFile = new SignerRegistryFile(directory);
        return registryFile.update(signers -> {
            Signer existing = signers.get(own.signerId());
            if (existing == null) {
                signers.put(own.signerId(), own);
                return new SignerRegistry(signers);
            }
            checkSameSigner(existing, own, registryFile.file());
            return new SignerRegistry(signers);
        });
    }

    /**
     * Looks a signer up.
     *
     * @param signerId the id
     * @return the entry, if registered
     */
    Optional<Signer> find(String signerId) {
        return Optional.ofNullable(signers.get(signerId));
    }

    private static void checkSameSigner(Signer existing, Signer own, Path file) {
        if (!existing.key().equals(own.key())) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "signer id \"" + own.signerId()
                    + "\" is registered in " + file + " with key " + existing.key().keyId() + " ("
                    + existing.key().algorithm().id() + "), but the configured signing key is " + own.key().keyId()
                    + " (" + own.key().algorithm().id() + "); a new key needs a new signer id: set "
                    + InProcessKernelProvider.SIGNER_ID_PROPERTY + " to an id not used before (signatures made"
                    + " by the old key still verify under \"" + own.signerId() + "\")");
        }
        if (existing.revoked()) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "signer id \"" + own.signerId()
                    + "\" is revoked in " + file + "; a revoked signer cannot sign again: create a new key and set "
                    + InProcessKernelProvider.SIGNER_ID_PROPERTY + " to a new signer id");
        }
    }
}
