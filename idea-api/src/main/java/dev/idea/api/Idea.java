package dev.idea.api;

import dev.idea.api.engine.IdeaConfig;
import dev.idea.api.engine.IdeaEngine;
import dev.idea.api.governance.GovernanceOptions;
import dev.idea.api.guard.Guard;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.merkle.ConsistencyProof;
import dev.idea.api.merkle.InclusionProof;
import dev.idea.api.simulation.Simulations;
import dev.idea.api.upgrade.Upgrades;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The entry point of IDEA: turns submitted packages into validated, signed releases recorded in a
 * hash-linked audit chain.
 *
 * <pre>{@code
 * try (Idea idea = Idea.builder()
 *         .dataDirectory(Path.of("idea-data"))
 *         .kms("local")
 *         .build()) {
 *     Release release = idea.submit(PackageSubmission.ofPath(Path.of("app-1.0.0.tar.gz"))
 *             .target("app").version("1.0.0").rationale("first release").proposedBy("alice").build());
 *     idea.verifyAuditChain();
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. Submissions from several threads are serialized into one audit
 * chain.
 *
 * <p>Security guarantees: IDEA holds no private key; every signature is made by the KMS or kernel
 * provider. Every signature the kernel returns is verified against the kernel's signer registry
 * before anything is recorded, and verification failures throw rather than return false.
 *
 * @since 0.1
 */
public interface Idea extends AutoCloseable {

    /**
     * Starts configuring an instance.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Returns IDEA's stateless format operations (canonical JSON, DSSE, manifests, PEM keys).
     *
     * @return the formats
     * @throws ConfigurationException when {@code idea-core} is not on the class path
     */
    static IdeaFormats formats() {
        return Builder.engine().formats();
    }

    /**
     * Returns IDEA's deterministic readiness simulations (run a spec, write and replay records). Needs
     * no storage and no provider.
     *
     * @return the simulations
     * @throws ConfigurationException when {@code idea-core} is not on the class path
     */
    static Simulations simulations() {
        return Builder.engine().simulations();
    }

    /**
     * Runs the release pipeline on one package: validate, build the manifest, have the kernel sign it,
     * verify that signature, and append one audit event per step (submit, validate, manifest.create,
     * manifest.sign).
     *
     * <p>All events of one submission are appended atomically: a failure at any step leaves the
     * audit chain and the target's manifest history as they were.
     *
     * @param submission the package and its facts
     * @return the release
     * @throws ValidationException when the package is rejected
     * @throws VerificationException when the kernel's signature does not verify
     * @throws ProviderException when a provider fails or times out
     */
    Release submit(PackageSubmission submission);

    /**
     * Validates a package without recording anything: size and checksum, a safe unpacking of the
     * archive, and the validators configured for the package type ({@code idea.validation.<type>.validators}).
     *
     * @param packageFile the package file
     * @param packageType selects the validators, e.g. {@code service-release}
     * @return the report, signed when a KMS is configured; check {@link ValidationReport#passed()}
     * @throws ValidationException when the package itself is refused (empty, too large, hostile or
     *     corrupt archive); a package that fails a validator gives a report that did not pass
     * @since 0.1
     */
    ValidationReport validate(java.nio.file.Path packageFile, String packageType);

    /**
     * Verifies a signed manifest against the kernel's signer registry and returns its manifest.
     *
     * @param signed the signed manifest
     * @return the verified manifest
     * @throws VerificationException when the signer is unknown or revoked, or the signature is bad
     */
    Manifest verify(SignedManifest signed);

    /**
     * Finds the signed manifest recorded under a manifest id, as the audit chain recorded it.
     *
     * @param manifestId the manifest id
     * @return the signed manifest (verify it with {@link #verify}), or empty when none was recorded
     */
    Optional<SignedManifest> signedManifest(String manifestId);

    /**
     * Replays the whole audit chain from its first event, checking sequence numbers, every event's
     * hash and every prevHash link.
     *
     * @return how many events verified and the head hash
     * @throws AuditChainException naming the first bad event and the fault
     */
    ChainVerification verifyAuditChain();

    /**
     * Reads audit events in chain order.
     *
     * @param fromSeq first sequence number
     * @param maxCount most events to return
     * @return the events, possibly fewer than asked
     */
    List<AuditEvent> auditEvents(long fromSeq, int maxCount);

    /**
     * Returns the governed upgrades of this instance: drafts of HIGH and CRITICAL manifests,
     * approvals, apply, emergency apply with a ratification window, and {@code reconcile()}.
     *
     * @return the upgrades, backed by this instance's storage, kernel, clock and audit chain
     * @throws IdeaException with {@link ErrorCode#CLOSED} after {@link #close()}
     * @since 0.2
     */
    Upgrades upgrades();

    /**
     * Returns a gate that applies a guard policy and records each decision in the audit chain.
     *
     * @param policy the policy
     * @return the gate, evaluating at this instance's clock
     * @throws IdeaException with {@link ErrorCode#CLOSED} after {@link #close()}
     * @since 0.2
     */
    Guard guard(GuardPolicy policy);

    /**
     * Returns the gate of the guard policy configured by {@value GuardPolicy#PROPERTY}, which records
     * each decision in the audit chain. The file is read once, at {@link Builder#build()}.
     *
     * @return the gate, evaluating at this instance's clock
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} when no guard policy is configured
     * @throws IdeaException with {@link ErrorCode#CLOSED} after {@link #close()}
     * @since 0.2
     */
    default Guard guard() {
        throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "no guard policy is configured; set "
                + GuardPolicy.PROPERTY + " to a guard policy file, or pass a policy to guard(GuardPolicy)");
    }

    /**
     * Signs a checkpoint of the audit log's Merkle tree now (C2SP signed note, signed through the KMS);
     * returns the latest checkpoint instead when it already covers every event.
     *
     * @return the checkpoint
     * @throws VerificationException with {@link ErrorCode#CHECKPOINT_KEY_MISSING} when no KMS key is configured
     * @since 0.2
     */
    Checkpoint checkpoint();

    /**
     * Returns the latest signed checkpoint of the audit log.
     *
     * @return the checkpoint, or empty before the first one
     * @since 0.2
     */
    Optional<Checkpoint> latestCheckpoint();

    /**
     * Returns the key that signs checkpoints; verifiers trust it (e.g. as {@link NoteKey#verifierKey()}).
     *
     * @return the key, or empty when no KMS key is configured
     * @since 0.2
     */
    Optional<NoteKey> checkpointKey();

    /**
     * Builds the RFC 9162 inclusion proof of one audit event in the tree of {@code treeSize} events,
     * from stored tree nodes (O(log n) reads). The leaf hash is SHA-256(0x00 || the event's hash bytes).
     *
     * @param seq the event's seq
     * @param treeSize the tree size, greater than {@code seq} and at most the number of events
     * @return the proof
     * @throws IllegalArgumentException when the index or size is out of range
     * @since 0.2
     */
    InclusionProof inclusionProof(long seq, long treeSize);

    /**
     * Returns the RFC 9162 Merkle root of the first {@code treeSize} audit events, from stored tree nodes.
     *
     * @param treeSize 0 to the number of events
     * @return the root
     * @throws IllegalArgumentException when the size is out of range
     * @since 0.2
     */
    Digest auditRoot(long treeSize);

    /**
     * Builds the RFC 9162 consistency proof between two sizes of the audit log.
     *
     * @param oldSize the earlier size
     * @param newSize the later size, at most the number of events
     * @return the proof
     * @throws IllegalArgumentException when the sizes are out of range
     * @since 0.2
     */
    ConsistencyProof consistencyProof(long oldSize, long newSize);

    /**
     * Writes the offline evidence bundle of one manifest as gzip JSON
     * ({@code docs/formats/evidence-bundle.md}): its signed manifest, all its audit events, their
     * inclusion proofs against a checkpoint that covers them (signed now when needed), and the
     * public keys used. Verify it with {@link IdeaFormats#verifyEvidenceBundle}.
     *
     * @param manifestId the manifest id
     * @param out where to write; not closed
     * @throws IdeaException with {@link ErrorCode#STORAGE_NOT_FOUND} when the manifest is unknown
     * @since 0.2
     */
    void exportEvidenceBundle(String manifestId, OutputStream out);

    /**
     * Writes the audit log as JSON Lines for SIEM ingestion, one object per event with the stable
     * members {@code ts, seq, type, actor, subject, manifestSignatureId, hash, prevHash} (plus
     * {@code event}, the event's canonical JSON, so that the file can be replayed).
     *
     * @param out where to write; not closed
     * @since 0.2
     */
    void exportAuditJsonl(OutputStream out);

    /**
     * Releases providers and files. Idempotent.
     */
    @Override
    void close();

    /**
     * Configures an {@link Idea}. Each setter checks its argument at once; {@link #build()} checks
     * the whole and fails fast. Not thread-safe.
     *
     * <p>Embedded defaults: storage {@code filesystem} (needs {@link #dataDirectory}), kernel
     * {@code in-process}. There is no default KMS: choose one by id or pass one in code.
     *
     * @since 0.1
     */
    final class Builder {
        /** Default time a KMS or kernel call may take before failing with PROVIDER_TIMEOUT. */
        public static final Duration DEFAULT_PROVIDER_TIMEOUT = Duration.ofSeconds(30);

        private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

        private Path dataDirectory;
        private String storageId = "filesystem";
        private String kmsId;
        private String kernelId = "in-process";
        private final List<IdeaProvider> providers = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Map<String, String> environment;
        private final Set<StartupRequirement> requirements = EnumSet.noneOf(StartupRequirement.class);
        private Clock clock = Clock.systemUTC();
        private ValidationLimits validationLimits = ValidationLimits.defaults();
        private Duration providerTimeout = DEFAULT_PROVIDER_TIMEOUT;
        private GovernanceOptions governance;

        private Builder() {
        }

        /**
         * Sets the directory where embedded providers keep their files.
         *
         * @param directory the directory; created when missing
         * @return this builder
         */
        public Builder dataDirectory(Path directory) {
            dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Selects the storage provider by id.
         *
         * @param id e.g. {@code filesystem}
         * @return this builder
         */
        public Builder storage(String id) {
            storageId = requireId(id, "storage");
            return this;
        }

        /**
         * Selects the KMS provider by id.
         *
         * @param id e.g. {@code local}
         * @return this builder
         */
        public Builder kms(String id) {
            kmsId = requireId(id, "kms");
            return this;
        }

        /**
         * Selects the kernel provider by id.
         *
         * @param id e.g. {@code in-process}
         * @return this builder
         */
        public Builder kernel(String id) {
            kernelId = requireId(id, "kernel");
            return this;
        }

        /**
         * Registers a provider object (preferred for KMS and kernel: a class planted on the class
         * path cannot impersonate it). A provider passed here takes precedence over a discovered one
         * with the same id. Selecting still happens by id: pass {@code kms(provider.id())} too, unless
         * this is the only KMS provider registered in code.
         *
         * @param provider a KMS, storage or kernel provider
         * @return this builder
         */
        public Builder provider(IdeaProvider provider) {
            Objects.requireNonNull(provider, "provider");
            requireId(provider.id(), provider.getClass().getName() + ".id()");
            providers.add(provider);
            return this;
        }

        /**
         * Sets a provider setting, e.g. {@code idea.kernel.key-ref}.
         *
         * @param key the setting name
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            properties.put(key, value);
            return this;
        }

        /**
         * Sets every property of a {@code .properties} file (read as UTF-8), e.g. the
         * {@code idea.governance.*} and {@code idea.guard.policy} settings. A later
         * {@link #property} call with the same key wins over the file, the file over earlier calls.
         *
         * @param file the properties file
         * @return this builder
         * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} naming the file when it
         *     is missing or cannot be read
         * @since 0.2
         */
        public Builder properties(Path file) {
            Objects.requireNonNull(file, "file");
            Properties loaded = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                loaded.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "properties file " + file.toAbsolutePath()
                        + " cannot be read (" + e + "); check that it exists and is a UTF-8 .properties file", e);
            }
            new TreeSet<>(loaded.stringPropertyNames()).forEach(k -> properties.put(k, loaded.getProperty(k)));
            return this;
        }

        /**
         * Sets the environment consulted for start-up requirements and settings (default: the
         * process environment).
         *
         * @param env the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            environment = Map.copyOf(env);
            return this;
        }

        /**
         * Switches a start-up requirement on.
         *
         * @param requirement the requirement
         * @return this builder
         */
        public Builder require(StartupRequirement requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /**
         * Sets the clock, the only source of time (default: system UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets package validation bounds.
         *
         * @param value the limits
         * @return this builder
         */
        public Builder validationLimits(ValidationLimits value) {
            validationLimits = Objects.requireNonNull(value, "validationLimits");
            return this;
        }

        /**
         * Sets how long a KMS or kernel call may take (default 30 s).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder providerTimeout(Duration value) {
            Objects.requireNonNull(value, "providerTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "providerTimeout must be positive, got " + value);
            }
            providerTimeout = value;
            return this;
        }

        /**
         * Sets the governance inputs in code: the signed trust store versions, the pinned root digest and
         * the approval policy with which {@code upgrades()} counts approvals. Preferred to the
         * {@code idea.governance.*} properties (nothing on the file system or in the environment can
         * substitute them), and exclusive with them.
         *
         * <p>Security guarantees: those of {@link GovernanceOptions}: the versions go through the same
         * signed rotation chain as the trust store file, anchored by the pinned root digest while the
         * storage holds no accepted version and by the persisted high-water mark afterwards, so a version
         * older than one accepted before is refused whichever route supplies it.
         *
         * @param options the governance inputs
         * @return this builder
         * @since 0.2
         */
        public Builder governance(GovernanceOptions options) {
            governance = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds the instance: selects and opens the providers, checks start-up requirements and
         * opens the audit chain.
         *
         * @return the instance
         * @throws ConfigurationException naming the missing provider id, the ids found and the
         *     artifact to add, or the unmet requirement and its missing input; with
         *     {@link ErrorCode#CONFIG_INVALID} when {@link #governance} was called and an
         *     {@code idea.governance.*} property is set too
         * @throws IdeaException with a {@code TRUST_STORE_*} code when the trust store versions (from
         *     {@link #governance} or the configured file) are refused, e.g.
         *     {@link ErrorCode#TRUST_STORE_ROLLBACK} for versions older than the persisted high-water mark
         */
        public Idea build() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            return engine().create(new IdeaConfig(dataDirectory, storageId, kmsId, kernelId, providers, properties,
                    env, requirements, clock, validationLimits, providerTimeout, governance));
        }

        static IdeaEngine engine() {
            List<IdeaEngine> engines = new ArrayList<>();
            ServiceLoader.load(IdeaEngine.class, Idea.class.getClassLoader()).forEach(engines::add);
            if (engines.isEmpty()) {
                ServiceLoader.load(IdeaEngine.class).forEach(engines::add);
            }
            if (engines.size() != 1) {
                throw new ConfigurationException(ErrorCode.PROVIDER_NOT_FOUND, engines.isEmpty()
                        ? "no IDEA engine found; add the artifact dev.idea:idea-core to the runtime class path or module path"
                        : "found " + engines.size() + " IDEA engines " + engines.stream().map(e -> e.getClass().getName()).toList()
                        + "; keep exactly one dev.idea:idea-core on the class path");
            }
            return engines.get(0);
        }

        private static String requireId(String id, String what) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, what + " id \"" + id
                        + "\" is invalid; ids are 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
            }
            return id;
        }
    }
}
