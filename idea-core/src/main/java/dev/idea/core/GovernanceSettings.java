package dev.idea.core;

import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.engine.IdeaConfig;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.core.governance.ApprovalPolicyCodec;
import dev.idea.core.governance.ConfiguredTrustStore;
import dev.idea.core.governance.GuardPolicyCodec;
import dev.idea.core.governance.TrustStoreChain;
import dev.idea.core.upgrade.QuorumCheck;
import dev.idea.spi.storage.RecordStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Wires governance from configuration: the approval counter ({@link QuorumCheck}) from the trust store
 * and approval policy files, and the guard policy from its file.
 *
 * <p>Precedence: a {@link QuorumCheck} passed in code serves alone; passing one and also setting
 * {@value TrustStore#PROPERTY} or {@value ApprovalPolicy#PROPERTY} is refused, so that it is never
 * unclear which trust store counts. With neither, the fail-closed {@link QuorumCheck#unconfigured()}.
 *
 * <p>Stateless and thread-safe.
 */
final class GovernanceSettings {

    private GovernanceSettings() {
    }

    /** The approval counter passed in code, the one configured by files, or the fail-closed one. */
    static QuorumCheck quorumCheck(IdeaConfig config, RecordStore records) {
        List<QuorumCheck> inCode = config.providers().stream()
                .filter(QuorumCheck.class::isInstance).map(QuorumCheck.class::cast).toList();
        if (inCode.size() > 1) {
            throw new ConfigurationException(ErrorCode.PROVIDER_DUPLICATE_ID, inCode.size()
                    + " approval counters (QuorumCheck) were passed in code; pass exactly one");
        }
        Optional<Path> storePath = ConfigFiles.path(config, TrustStore.PROPERTY);
        Optional<Path> policyPath = ConfigFiles.path(config, ApprovalPolicy.PROPERTY);
        if (!inCode.isEmpty()) {
            if (storePath.isPresent() || policyPath.isPresent()) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "an approval counter was passed in code and "
                        + TrustStore.PROPERTY + " / " + ApprovalPolicy.PROPERTY + " are set too; keep one: remove the"
                        + " properties, or do not pass the counter");
            }
            return inCode.get(0);
        }
        if (storePath.isEmpty()) {
            if (policyPath.isPresent()) {
                throw new ConfigurationException(ErrorCode.CONFIG_INVALID, ApprovalPolicy.PROPERTY + " is set but "
                        + TrustStore.PROPERTY + " is not; approvals cannot be counted without trusted keys: set "
                        + TrustStore.PROPERTY + " to the signed trust store file");
            }
            return QuorumCheck.unconfigured();
        }
        ApprovalPolicy policy = policyPath.map(p -> ConfigFiles.parse(p, ApprovalPolicy.PROPERTY, "approval policy file",
                bytes -> ApprovalPolicyCodec.read(bytes, p.getFileName().toString()))).orElseGet(ApprovalPolicy::defaults);
        return QuorumCheck.of(trustStore(config, storePath.get(), records), policy);
    }

    /** The guard policy named by {@value GuardPolicy#PROPERTY}, if set. */
    static Optional<GuardPolicy> guardPolicy(IdeaConfig config) {
        return ConfigFiles.path(config, GuardPolicy.PROPERTY).map(p -> ConfigFiles.parse(p, GuardPolicy.PROPERTY,
                "guard policy file", bytes -> GuardPolicyCodec.read(bytes, p.getFileName().toString())));
    }

    private static TrustStore trustStore(IdeaConfig config, Path path, RecordStore records) {
        Optional<Digest> pin = config.setting(TrustStore.ROOT_DIGEST_PROPERTY, null).map(GovernanceSettings::pin);
        boolean insecure = flag(config, TrustStore.INSECURE_TRUST_ON_FIRST_USE_PROPERTY);
        TrustStoreChain chain = TrustStoreChain.open(records, config.clock());
        return ConfigFiles.parse(path, TrustStore.PROPERTY, "trust store file",
                bytes -> ConfiguredTrustStore.load(bytes, pin, insecure, chain));
    }

    private static Digest pin(String text) {
        try {
            if (text.trim().startsWith("sha256:")) {
                return Digest.parse(text.trim());
            }
        } catch (IdeaException e) {
            // reported below
        }
        throw new ConfigurationException(ErrorCode.CONFIG_INVALID, TrustStore.ROOT_DIGEST_PROPERTY + " \"" + text
                + "\" is not a root digest; write sha256: and the 64 lowercase hex digits of the SHA-256 of the"
                + " trust_store.json you signed as the root version");
    }

    private static boolean flag(IdeaConfig config, String property) {
        String value = config.setting(property, null).orElse("false").trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, property + " is \"" + value
                    + "\"; write true or false");
        }
        return value.equals("true");
    }
}
