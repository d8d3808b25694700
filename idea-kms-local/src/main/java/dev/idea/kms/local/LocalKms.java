package dev.idea.kms.local;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.ProviderException;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.api.VerificationKey;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.Kms;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A software KMS holding Ed25519 and ECDSA P-256 private keys in process memory, optionally
 * persisted as PKCS#8 PEM files in a directory ({@code <keyRef>.pem}).
 *
 * <p>Thread-safe: signing and key lookup take no lock; creating, importing and loading keys are
 * serialized.
 *
 * <p>Security guarantees: private keys never leave this object except into its own key files; each
 * key has one algorithm, fixed when it was created. Ed25519 is pure RFC 8032; ECDSA P-256 hashes
 * with SHA-256, derives its nonce deterministically (RFC 6979) and returns DER. New keys come from
 * {@link SecureRandom}. Key files are written atomically with owner-only permissions where
 * supported. This is a software KMS: keys are as safe as the process memory and the file system.
 *
 * @since 0.1
 */
public final class LocalKms implements Kms {
    private static final int ED25519_SEED_LENGTH = 32;

    private final KeyDirectory directory;
    private final SignatureAlgorithm generateMissing;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LocalKey> keys = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    private LocalKms(KeyDirectory directory, SignatureAlgorithm generateMissing) {
        this.directory = directory;
        this.generateMissing = generateMissing;
    }

    /**
     * Creates an empty KMS whose keys live in memory only.
     *
     * @return the KMS
     */
    public static LocalKms inMemory() {
        return new LocalKms(null, null);
    }

    /**
     * Creates an empty in-memory KMS that can create keys on first use.
     *
     * @param generateMissingOrNull the algorithm of keys created on first use of an unknown
     *     reference, or null to refuse unknown references
     * @return the KMS
     */
    public static LocalKms inMemory(SignatureAlgorithm generateMissingOrNull) {
        return new LocalKms(null, generateMissingOrNull);
    }

    /**
     * Opens a directory of PKCS#8 PEM keys, creating the directory if needed, and loads every
     * {@code <keyRef>.pem} file in it.
     *
     * @param directory the key directory
     * @param generateMissingOrNull the algorithm of keys created (and persisted) on first use of an
     *     unknown reference, or null to refuse unknown references
     * @return the KMS
     * @throws ConfigurationException with {@code CONFIG_INVALID} when the directory cannot be
     *     created, or {@code KEY_INVALID} / {@code ALGORITHM_UNSUPPORTED} naming a bad key file
     * @throws ProviderException with {@code PROVIDER_FAILURE} when a file cannot be read
     */
    public static LocalKms open(Path directory, SignatureAlgorithm generateMissingOrNull) {
        Objects.requireNonNull(directory, "directory");
        LocalKms kms = new LocalKms(KeyDirectory.open(directory), generateMissingOrNull);
        kms.loadAll();
        return kms;
    }

    /**
     * Creates a new random key.
     *
     * @param ref the reference; with a directory it must be usable as a file name
     * @param algorithm the key's algorithm
     * @return the public key
     * @throws ConfigurationException with {@code CONFIG_INVALID} when the reference exists or
     *     cannot name a file
     */
    public VerificationKey createKey(KeyRef ref, SignatureAlgorithm algorithm) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(algorithm, "algorithm");
        synchronized (writeLock) {
            return add(ref, generate(algorithm));
        }
    }

    /**
     * Imports an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block holding an Ed25519 or P-256 key.
     *
     * @param ref the reference; with a directory it must be usable as a file name
     * @param pkcs8Pem the PEM text
     * @return the public key
     * @throws dev.idea.api.FormatException with {@code ENCODING_INVALID} for broken PEM
     * @throws ConfigurationException with {@code KEY_INVALID}, {@code ALGORITHM_UNSUPPORTED}, or
     *     {@code CONFIG_INVALID} when the reference exists or cannot name a file
     */
    public VerificationKey importPem(KeyRef ref, String pkcs8Pem) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(pkcs8Pem, "pkcs8Pem");
        LocalKey key = Pkcs8Support.parsePem(pkcs8Pem, "PEM for key \"" + ref + "\"");
        synchronized (writeLock) {
            return add(ref, key);
        }
    }

    /**
     * Creates an Ed25519 key from a caller-chosen 32-byte seed (the RFC 8032 private key), for
     * deterministic tests and published test vectors.
     *
     * <p>Insecure for real keys unless the seed is secret and uniformly random; use
     * {@link #createKey} instead.
     *
     * @param ref the reference
     * @param seed exactly 32 bytes
     * @return the public key
     * @throws IllegalArgumentException when the seed is not 32 bytes
     * @throws ConfigurationException with {@code CONFIG_INVALID} when the reference exists
     */
    public VerificationKey insecureCreateEd25519KeyFromSeed(KeyRef ref, Bytes seed) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(seed, "seed");
        if (seed.size() != ED25519_SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is " + ED25519_SEED_LENGTH + " bytes, got " + seed.size());
        }
        synchronized (writeLock) {
            return add(ref, Ed25519LocalKey.fromSeed(seed.toByteArray()));
        }
    }

    /**
     * Returns the references of all keys currently held, sorted.
     *
     * @return the references
     */
    public List<KeyRef> keyRefs() {
        List<KeyRef> refs = new ArrayList<>();
        for (String ref : new TreeSet<>(keys.keySet())) {
            refs.add(KeyRef.of(ref));
        }
        return List.copyOf(refs);
    }

    @Override
    public SignatureAlgorithm algorithm(KeyRef key) {
        return key(key).algorithm();
    }

    @Override
    public VerificationKey publicKey(KeyRef key) {
        return key(key).publicKey();
    }

    @Override
    public Bytes sign(KeyRef key, Bytes data) {
        Objects.requireNonNull(data, "data");
        return key(key).sign(data);
    }

    /** Does nothing: the keys stay usable, as the SPI allows for an idempotent close. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "LocalKms[" + (directory == null ? "in memory" : directory.path()) + ", " + keys.size() + " keys]";
    }

    private LocalKey key(KeyRef ref) {
        Objects.requireNonNull(ref, "key");
        LocalKey key = keys.get(ref.value());
        return key != null ? key : loadOrGenerate(ref);
    }

    private LocalKey loadOrGenerate(KeyRef ref) {
        synchronized (writeLock) {
            LocalKey key = keys.get(ref.value());
            if (key != null) {
                return key;
            }
            if (directory != null && KeyDirectory.isSafe(ref.value())) {
                Optional<String> pem = directory.read(ref.value());
                if (pem.isPresent()) {
                    key = Pkcs8Support.parsePem(pem.get(), directory.describe(ref.value()));
                    keys.put(ref.value(), key);
                    return key;
                }
            }
            if (generateMissing != null) {
                add(ref, generate(generateMissing));
                return keys.get(ref.value());
            }
            throw new ProviderException(ErrorCode.KEY_NOT_FOUND, "local KMS (" + location() + ") has no key \"" + ref
                    + "\"; it holds " + new TreeSet<>(keys.keySet()) + ". Create it with LocalKms.createKey or importPem,"
                    + " or set idea.kms.local.generate-missing");
        }
    }

    private void loadAll() {
        synchronized (writeLock) {
            directory.readAll().forEach((ref, pem) -> keys.put(ref, Pkcs8Support.parsePem(pem, directory.describe(ref))));
        }
    }

    /** Adds a key under the write lock, persisting it first when there is a directory. */
    private VerificationKey add(KeyRef ref, LocalKey key) {
        String name = ref.value();
        if (keys.containsKey(name)) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "local KMS (" + location() + ") already has a key \""
                    + name + "\"; choose another reference");
        }
        if (directory != null) {
            directory.create(name, Pkcs8Support.toPemBytes(key));
        }
        keys.put(name, key);
        return key.publicKey();
    }

    private LocalKey generate(SignatureAlgorithm algorithm) {
        switch (algorithm) {
            case ED25519:
                return new Ed25519LocalKey(new Ed25519PrivateKeyParameters(random));
            case ECDSA_P256_SHA256:
                return EcdsaP256LocalKey.generate(random);
            default:
                throw new ConfigurationException(ErrorCode.ALGORITHM_UNSUPPORTED, "the local KMS cannot create "
                        + algorithm.id() + " keys; use ed25519 or ecdsa-p256-sha256");
        }
    }

    private String location() {
        return directory == null ? "in memory" : "directory " + directory.path();
    }
}
