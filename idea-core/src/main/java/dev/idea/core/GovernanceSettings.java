package dev.idea.core;

import dev.idea.api.AuditEventType;
import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.engine.IdeaConfig;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.GovernanceOptions;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventDraft;
import dev.idea.core.governance.ApprovalPolicyCodec;
import dev.idea.core.governance.ConfiguredTrustStore;
import dev.idea.core.governance.GuardPolicyCodec;
import dev.idea.core.governance.TrustStoreAcceptance;
import dev.idea.core.governance.TrustStoreChain;
import dev.idea.core.upgrade.QuorumCheck;
import dev.idea.spi.storage.RecordStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Wires governance: the approval counter ({@link QuorumCheck}) from the governance options passed in code
 * or from the trust store and approval policy files, and the guard policy from its file.
 *
 * <p>Precedence: exactly one route serves. A {@link QuorumCheck} passed in code, {@link GovernanceOptions}
 * passed in code and the {@code idea.governance.*} properties exclude each other, so that it is never
 * unclear which trust store counts; two of them together are refused ({@link ErrorCode#CONFIG_INVALID}).
 * With none, the fail-closed {@link QuorumCheck#unconfigured()}. Every trust store version accepted on
 * the way is an {@link AuditEventType#TRUST_STORE_ACCEPTED} event.
 *
 * <p>Stateless and thread-safe.
 */
final class GovernanceSettings {
    /** Actor of the audit events of trust store acceptances. */
    static final String ACTOR = "idea-governance";
    /** Subject of the audit events of trust store acceptances. */
    static final String SUBJECT = "trust-store";
    private static final List<String> PROPERTIES = List.of(TrustStore.PROPERTY, TrustStore.ROOT_DIGEST_PROPERTY,
            TrustStore.INSECURE_TRUST_ON_FIRST_USE_PROPERTY, ApprovalPolicy.PROPERTY);

    private GovernanceSettings() {
    }

    /** The approval counter passed in code, the one from the options or files, or the fail-closed one. */
    static QuorumCheck quorumCheck(IdeaConfig config, RecordStore records, AuditLog auditLog) {
        List<QuorumCheck> inCode = config.providers().stream()
                .filter(QuorumCheck.class::isInstance).map(QuorumCheck.class::cast).toList();
        if (inCode.size() > 1) {
            throw new ConfigurationException(ErrorCode.PROVIDER_DUPLICATE_ID, inCode.size()
                    + " approval counters (QuorumCheck) were passed in code; pass exactly one");
        }
        Optional<GovernanceOptions> options = config.governanceOption();
        requireOneRoute(!inCode.isEmpty(), options.isPresent(), PROPERTIES.stream()
                .filter(p -> config.setting(p, null).isPresent()).toList());
        if (!inCode.isEmpty()) {
            return inCode.get(0);
        }
        if (options.isPresent()) {
            return fromOptions(options.get(), config, records, auditLog);
        }
        Optional<Path> storePath = ConfigFiles.path(config, TrustStore.PROPERTY);
        Optional<Path> policyPath = ConfigFiles.path(config, ApprovalPolicy.PROPERTY);
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
        return fromFile(config, storePath.get(), records, auditLog, policy);
    }

    private static void requireOneRoute(boolean counterInCode, boolean optionsInCode, List<String> propertiesSet) {
        if (counterInCode && optionsInCode) {
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, "an approval counter and governance options"
                    + " (Idea.Builder.governance) were both passed in code; keep one");
        }
        if ((counterInCode || optionsInCode) && !propertiesSet.isEmpty()) {
            String what = counterInCode ? "an approval counter was passed in code"
                    : "governance options were passed in code (Idea.Builder.governance)";
            throw new ConfigurationException(ErrorCode.CONFIG_INVALID, what + " and " + String.join(", ", propertiesSet)
                    + " " + (propertiesSet.size() == 1 ? "is" : "are") + " set too; keep one route: remove the"
                    + " properties, or do not pass the " + (counterInCode ? "counter" : "options"));
        }
    }

    /** The guard policy named by {@value GuardPolicy#PROPERTY}, if set. */
    static Optional<GuardPolicy> guardPolicy(IdeaConfig config) {
        return ConfigFiles.path(config, GuardPolicy.PROPERTY).map(p -> ConfigFiles.parse(p, GuardPolicy.PROPERTY,
                "guard policy file", bytes -> GuardPolicyCodec.read(bytes, p.getFileName().toString())));
    }

    private static QuorumCheck fromFile(IdeaConfig config, Path path, RecordStore records, AuditLog auditLog,
                                        ApprovalPolicy policy) {
        Optional<Digest> pin = config.setting(TrustStore.ROOT_DIGEST_PROPERTY, null).map(GovernanceSettings::pin);
        boolean insecure = flag(config, TrustStore.INSECURE_TRUST_ON_FIRST_USE_PROPERTY);
        TrustStoreChain chain = TrustStoreChain.open(records, config.clock(),
                audited(auditLog, config.clock(), "file " + path.toAbsolutePath()));
        ConfigFiles.parse(path, TrustStore.PROPERTY, "trust store file",
                bytes -> ConfiguredTrustStore.load(bytes, pin, insecure, chain));
        return QuorumCheck.following(chain, policy);
    }

    private static QuorumCheck fromOptions(GovernanceOptions options, IdeaConfig config, RecordStore records,
                                           AuditLog auditLog) {
        TrustStoreChain chain = TrustStoreChain.open(records, config.clock(), audited(auditLog, config.clock(), "code"));
        try {
            ConfiguredTrustStore.load(options.trustStoreVersions(), Optional.ofNullable(options.rootDigest()),
                    options.insecureTrustOnFirstUse(), chain);
        } catch (IdeaException e) {
            throw new ConfigurationException(e.errorCode(), "trust store versions passed in code"
                    + " (Idea.Builder.governance): " + ConfigFiles.withoutCode(e), e);
        }
        return QuorumCheck.following(chain, options.approvalPolicy());
    }

    /** Records each accepted trust store version as an audit event naming where it came from. */
    private static Consumer<TrustStoreAcceptance> audited(AuditLog auditLog, Clock clock, String source) {
        return accepted -> {
            Map<String, String> a = new TreeMap<>();
            a.put("version", Long.toString(accepted.version()));
            a.put("digest", accepted.digest().toString());
            a.put("source", source);
            if (!accepted.isRoot()) {
                a.put("previousVersion", Long.toString(accepted.previousVersion()));
                a.put("previousDigest", accepted.previousDigest().toString());
            }
            auditLog.append(List.of(new EventDraft(clock.instant(), AuditEventType.TRUST_STORE_ACCEPTED, ACTOR,
                    SUBJECT, accepted.digest(), null, a)), concurrent -> { });
        };
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
