package dev.idea.core.kernel;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kernel.SigningKey;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kernel provider with id {@value #ID}: a kernel that runs inside the host process and signs
 * manifests through the KMS-backed {@link SigningKey} of its {@link KernelContext}.
 *
 * <p>Settings: {@value #SIGNER_ID_PROPERTY} names the signer in the registry (default
 * {@value #DEFAULT_SIGNER_ID}); the signing key itself is chosen by {@code idea.kernel.key-ref} in
 * the configured KMS. When the context has a data directory, the signer registry is kept in
 * {@code <dataDirectory>/kernel/signers.txt}; without one, the registry lives in memory and holds
 * only the current signer. The file is UTF-8 text: the header line
 * {@code # idea kernel signer registry v1}, then one line per signer, sorted by id,
 * {@code <signerId> <algorithm id> <base64 SPKI> active|revoked}; lines starting with {@code #} are
 * comments. It is rewritten through a temporary file, fsync and an atomic rename. An operator may
 * revoke a signer by changing {@code active} to {@code revoked}.
 *
 * <p>Governed upgrades (drafts, applications, rollbacks) are recorded in
 * {@code <dataDirectory>/kernel/upgrades.log} (see {@code docs/governance-upgrade.md}), or in memory
 * without a data directory.
 *
 * <p>Rotation: a signer id is bound to one key forever. Opening with a key that differs from the
 * one registered under the configured signer id is refused; rotate by choosing a new signer id, so
 * that signatures made by the old key keep verifying under the old id.
 *
 * <p>This class is stateless and thread-safe; each {@link #open} returns a new kernel.
 *
 * <p>Security guarantees: the kernel never sees a private key (signing is delegated to the KMS),
 * signs exactly the DSSE pre-authentication encoding of the request, and only ever reports the
 * signer id whose registered key made the signature.
 *
 * @since 0.1
 */
public final class InProcessKernelProvider implements KernelProvider {

    /** The provider id. */
    public static final String ID = "in-process";

    /** Setting that names this kernel's signer in the registry. */
    public static final String SIGNER_ID_PROPERTY = "idea.kernel.signer-id";

    /** Signer id used when {@value #SIGNER_ID_PROPERTY} is not set. */
    public static final String DEFAULT_SIGNER_ID = "idea-kernel";

    /** Signer ids: a letter or digit, then up to 127 letters, digits or {@code . _ : @ -}. */
    static final Pattern SIGNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public InProcessKernelProvider() {
        // stateless
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens a kernel: reads the signer registry, registers this kernel's signer if it is new, and
     * checks that a known signer id is still bound to the same key and not revoked.
     *
     * @param context settings, data directory, clock and the KMS-backed signing key
     * @return the open kernel
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} when there is no signing
     *     key, the signer id is malformed, or the signer id is registered with another key or revoked
     * @throws dev.idea.api.ProviderException with {@link ErrorCode#STORAGE_IO} or
     *     {@link ErrorCode#STORAGE_CORRUPT} when the registry file cannot be read or written
     */
    @Override
    public Kernel open(KernelContext context) {
        Objects.requireNonNull(context, "context");
        SigningKey signingKey = context.signingKeyOption().orElseThrow(() -> new ConfigurationException(
                ErrorCode.CONFIG_INVALID, "the in-process kernel signs through a KMS: choose one with "
                + "Idea.builder().kms(\"local\") (or pass a KmsProvider) and set idea.kernel.key-ref"));
        String signerId = signerId(context);
        Signer own = new Signer(signerId, signingKey.publicKey(), false);
        SignerRegistry registry = context.dataDirectory() == null
                ? SignerRegistry.inMemory(own)
                : SignerRegistry.open(context.dataDirectory().resolve("kernel"), own);
        UpgradeLedger upgrades = context.dataDirectory() == null
                ? UpgradeLedger.inMemory(context.clock())
                : UpgradeLedger.open(context.dataDirectory().resolve("kernel"), context.clock());
        return new InProcessKernel(own, signingKey, registry, context.clock(), upgrades);
    }

    private static String signerId(KernelContext context) {
        String signerId = context.property(SIGNER_ID_PROPERTY).orElse(DEFAULT_SIGNER_ID);
        if (!SIGNER_ID.matcher(signerId).matches()) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, SIGNER_ID_PROPERTY + " \"" + abbreviate(signerId)
                    + "\" is not a valid signer id; use 1 to 128 characters: letters, digits and . _ : @ -, "
                    + "starting with a letter or digit");
        }
        return signerId;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }
}
