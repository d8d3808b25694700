package dev.idea.kms.local;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kms.Kms;
import dev.idea.spi.kms.KmsContext;
import dev.idea.spi.kms.KmsProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The KMS provider with id {@code local}: software keys held by a {@link LocalKms}.
 *
 * <p>Settings read from the {@link KmsContext}:
 * <ul>
 *   <li>{@value #DIRECTORY_PROPERTY}: a directory of PKCS#8 PEM private keys
 *       ({@code <keyRef>.pem}); default {@code <dataDirectory>/keys} when a data directory is
 *       configured, else keys live in memory only;</li>
 *   <li>{@value #GENERATE_MISSING_PROPERTY}: {@code ed25519} or {@code ecdsa-p256-sha256} to create
 *       (and persist) a key on first use of an unknown reference, {@code off} (the default) to
 *       refuse unknown references.</li>
 * </ul>
 *
 * <p>Thread-safe. A provider built with {@link #LocalKmsProvider(LocalKms)} ignores the settings
 * and returns that KMS from every {@link #open}.
 *
 * <p>Security guarantees: see {@link LocalKms}. A software KMS is meant for development, tests and
 * demonstrations.
 *
 * @since 0.1
 */
public final class LocalKmsProvider implements KmsProvider {
    /** The provider id. */
    public static final String ID = "local";
    /** Setting naming the key directory. */
    public static final String DIRECTORY_PROPERTY = "idea.kms.local.directory";
    /** Setting naming the algorithm of keys created on first use, or {@code off}. */
    public static final String GENERATE_MISSING_PROPERTY = "idea.kms.local.generate-missing";
    private static final String OFF = "off";

    private final LocalKms kms;

    /** Creates a provider that opens a KMS from the context's settings; used by ServiceLoader. */
    public LocalKmsProvider() {
        this.kms = null;
    }

    /**
     * Creates a provider that always opens the given KMS.
     *
     * @param kms the KMS to return from {@link #open}
     */
    public LocalKmsProvider(LocalKms kms) {
        this.kms = Objects.requireNonNull(kms, "kms");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens the KMS.
     *
     * @param context settings, data directory and clock
     * @return the given KMS, or one opened from the settings
     * @throws ConfigurationException with {@code CONFIG_INVALID} when a setting is wrong
     */
    @Override
    public Kms open(KmsContext context) {
        Objects.requireNonNull(context, "context");
        if (kms != null) {
            return kms;
        }
        SignatureAlgorithm generate = generateMissing(context.property(GENERATE_MISSING_PROPERTY));
        Optional<Path> directory = directory(context);
        return directory.isPresent() ? LocalKms.open(directory.get(), generate) : LocalKms.inMemory(generate);
    }

    private static Optional<Path> directory(KmsContext context) {
        Optional<String> configured = context.property(DIRECTORY_PROPERTY);
        if (configured.isEmpty()) {
            return Optional.ofNullable(context.dataDirectory()).map(data -> data.resolve("keys"));
        }
        String value = configured.get();
        if (value.isBlank()) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, DIRECTORY_PROPERTY
                    + " is blank; set it to a directory path or remove it to use <dataDirectory>/keys");
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, DIRECTORY_PROPERTY + " \"" + value
                    + "\" is not a valid path (" + e.getReason() + ")", e);
        }
    }

    private static SignatureAlgorithm generateMissing(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().equals(OFF)) {
            return null;
        }
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (algorithm.id().equals(setting.get())) {
                return algorithm;
            }
        }
        throw new ConfigurationException(ErrorCode.CONFIG_INVALID, GENERATE_MISSING_PROPERTY + " \"" + setting.get()
                + "\" is not allowed; use one of ed25519, ecdsa-p256-sha256, off");
    }
}
