package dev.idea.core;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaException;
import dev.idea.api.IdeaFormats;
import dev.idea.api.StartupRequirement;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.engine.IdeaConfig;
import dev.idea.api.engine.IdeaEngine;
import dev.idea.api.simulation.Simulations;
import dev.idea.api.upgrade.Upgrades;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.AuditSettings;
import dev.idea.core.audit.EventSigner;
import dev.idea.core.checkpoint.CheckpointSigner;
import dev.idea.core.release.ManifestVerifier;
import dev.idea.core.release.ProviderCalls;
import dev.idea.core.release.ReleasePipeline;
import dev.idea.core.simulation.DefaultSimulations;
import dev.idea.core.upgrade.DefaultUpgrades;
import dev.idea.core.validation.PackageValidation;
import dev.idea.core.validation.ValidationProfile;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.kernel.Signer;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.Kms;
import dev.idea.spi.kms.KmsContext;
import dev.idea.spi.kms.KmsProvider;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link IdeaEngine} service of {@code idea-core}: selects and opens the providers, checks the
 * start-up requirements and wires the release pipeline.
 *
 * <p>Thread-safe and stateless; found by {@link java.util.ServiceLoader}, never called directly.
 */
public final class DefaultIdeaEngine implements IdeaEngine {
    /** Key reference used by the in-process kernel when none is configured (and REQUIRE_KMS is off). */
    static final String DEFAULT_KEY_REF = "release-signer";
    /** Property naming the directory under which validation sandboxes are created. */
    static final String SANDBOX_DIR = "idea.validation.sandbox-dir";
    /** Property bounding how many validators run at once (default: available processors). */
    static final String PARALLELISM = "idea.validation.parallelism";

    private static final IdeaFormats FORMATS = new DefaultIdeaFormats();
    private static final Simulations SIMULATIONS = new DefaultSimulations();
    private static final Logger LOG = LoggerFactory.getLogger(DefaultIdeaEngine.class);

    /** Creates the engine; called by {@link java.util.ServiceLoader}. */
    public DefaultIdeaEngine() {
    }

    @Override
    public IdeaFormats formats() {
        return FORMATS;
    }

    @Override
    public Simulations simulations() {
        return SIMULATIONS;
    }

    @Override
    public Idea create(IdeaConfig config) {
        String kmsId = config.kmsId() != null ? config.kmsId() : config.environment().get(StartupGuards.KMS_ENV);
        List<KmsProvider> kmsInCode = config.providers().stream()
                .filter(KmsProvider.class::isInstance).map(KmsProvider.class::cast).toList();
        if (kmsId == null && kmsInCode.size() == 1) {
            kmsId = kmsInCode.get(0).id();
        }
        Set<StartupRequirement> active = StartupGuards.active(config);
        StartupGuards.check(active, config, kmsId != null, config.kernelId());

        Deque<AutoCloseable> opened = new ArrayDeque<>();
        ProviderCalls calls = new ProviderCalls(config.providerTimeout());
        opened.push(calls);
        try {
            Storage storage = ProviderSelector.select(StorageProvider.class, "storage", config.storageId(), config.providers())
                    .open(new StorageContext(config.properties(), config.dataDirectory(), config.clock()));
            opened.push(storage);
            KmsSigningKey signingKey = null;
            if (kmsId != null) {
                Kms kms = ProviderSelector.select(KmsProvider.class, "kms", kmsId, config.providers())
                        .open(new KmsContext(config.properties(), config.dataDirectory(), config.clock()));
                opened.push(kms);
                signingKey = openSigningKey(kms, kmsId, config, active, calls);
            }
            KernelProvider kernelProvider = ProviderSelector.select(KernelProvider.class, "kernel", config.kernelId(),
                    config.providers());
            Kernel kernel = kernelProvider.open(new KernelContext(config.properties(), config.dataDirectory(),
                    config.clock(), signingKey));
            opened.push(kernel);
            AuditSettings auditSettings = AuditSettings.from(config.properties());
            AuditLog auditLog = AuditLog.open(storage, auditSettings,
                    signingKey == null ? null : new CheckpointSigner(auditSettings.origin(), signingKey),
                    signingKey == null ? null : new EventSigner(signingKey), config.clock());
            opened.push(auditLog::flush);
            if (auditSettings.anchor()) {
                auditLog.onCheckpoint(new Anchoring(kernel, config.kernelId(), calls, auditLog, config.clock()));
            }
            ManifestVerifier verifier = new ManifestVerifier(kernel, config.kernelId(), calls);
            PackageValidation validation = validation(config, signingKey);
            ReleasePipeline pipeline = new ReleasePipeline(storage, auditLog, kernel, config.kernelId(), verifier, calls,
                    config.clock(), validation);
            Upgrades upgrades = new DefaultUpgrades(storage.records(), auditLog, kernel, config.kernelId(), verifier, calls,
                    config.clock(), GovernanceSettings.quorumCheck(config, storage.records(), auditLog),
                    DefaultUpgrades.ratificationWindow(config.setting(Upgrades.RATIFICATION_WINDOW_PROPERTY, null)));
            Function<String, VerificationKey> signerKeys = id -> calls.call("kernel '" + config.kernelId()
                    + "' looking up signer " + id, () -> kernel.signer(id)).map(Signer::key).orElseThrow(() ->
                    new VerificationException(ErrorCode.SIGNER_UNKNOWN, "signer \"" + id + "\" is not in the registry of kernel '"
                            + config.kernelId() + "'"));
            return new DefaultIdea(pipeline, validation, auditLog, verifier, upgrades, config.clock(), List.copyOf(opened),
                    signerKeys, GovernanceSettings.guardPolicy(config).orElse(null));
        } catch (RuntimeException e) {
            closeQuietly(opened, e);
            throw e;
        }
    }

    private static KmsSigningKey openSigningKey(Kms kms, String kmsId, IdeaConfig config, Set<StartupRequirement> active,
                                                ProviderCalls calls) {
        KeyRef ref = KeyRef.of(config.setting(StartupGuards.KEY_REF, StartupGuards.KEY_REF_ENV).orElse(DEFAULT_KEY_REF));
        try {
            return calls.call("kms '" + kmsId + "' reading public key " + ref, () -> new KmsSigningKey(kms, ref));
        } catch (IdeaException e) {
            if (active.contains(StartupRequirement.REQUIRE_KMS)) {
                throw new ConfigurationException(ErrorCode.STARTUP_REQUIREMENT_UNMET, "REQUIRE_KMS: kms '" + kmsId
                        + "' does not answer for signing key \"" + ref + "\": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Wires package validation: validators from {@code idea.validation.*} properties, sandboxes under
     * {@value #SANDBOX_DIR} (default: {@code <data directory>/validation-sandboxes}, else the system
     * temporary directory), reports signed with the KMS signing key when there is one.
     */
    private static PackageValidation validation(IdeaConfig config, SigningKey signingKey) {
        ValidationProfile profile = ValidationProfile.fromProperties(config.properties(), config.providers());
        Path sandboxes = config.setting(SANDBOX_DIR, null).map(Path::of)
                .or(() -> config.dataDirectoryOption().map(d -> d.resolve("validation-sandboxes")))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
        int parallelism = config.setting(PARALLELISM, null).map(v -> parsePositive(PARALLELISM, v))
                .orElse(Runtime.getRuntime().availableProcessors());
        return new PackageValidation(profile, config.validationLimits(), sandboxes, signingKey, parallelism);
    }

    private static int parsePositive(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(ErrorCode.CONFIG_INVALID, key + " must be a positive integer, got \"" + value + "\"");
    }

    static void closeQuietly(Deque<AutoCloseable> opened, Throwable failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.warn("closing an IDEA resource failed; continuing to close the others", e);
                }
            }
        }
    }
}
