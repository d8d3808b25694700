package dev.idea.api.governance;

import dev.idea.api.ConfigurationException;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import java.util.List;
import java.util.Objects;

/**
 * The governance inputs a host passes in code with {@code Idea.builder().governance(…)}: the signed
 * trust store versions, the pinned digest of the root version and the approval policy. It is the
 * in-code counterpart of the {@value TrustStore#PROPERTY}, {@value TrustStore#ROOT_DIGEST_PROPERTY} and
 * {@value ApprovalPolicy#PROPERTY} properties, and the two routes are exclusive: an instance given both
 * fails at {@code build()} with {@link ErrorCode#CONFIG_INVALID}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Security guarantees: at {@code build()} the versions are accepted exactly as from the trust store
 * file ({@code docs/governance.md}, "Configuration"): while the instance's storage holds no accepted
 * version, acceptance starts at the version whose payload has {@link #rootDigest()} and needs a
 * threshold of that version's own signatures; every later version must be signed by a threshold of its
 * predecessor's keys and of its own; the newest accepted version is persisted as the high-water mark,
 * and versions older than that mark are refused ({@link ErrorCode#TRUST_STORE_ROLLBACK}), across
 * restarts and whichever route supplied them. The trust store is thus never taken from the host's code
 * on its word: the code vouches only for the root digest, as a pinned root in a TUF client. Each
 * version accepted is an audit event ({@code AuditEventType.TRUST_STORE_ACCEPTED}).
 *
 * @param trustStoreVersions DSSE envelopes of type {@value TrustStore#SIGNED_PAYLOAD_TYPE}, each a signed
 *     {@code trust_store.json}, with strictly increasing versions, oldest first; at least one
 * @param rootDigest SHA-256 of the exact {@code trust_store.json} document (the DSSE payload) trusted as
 *     the root version; null only with {@code insecureTrustOnFirstUse}
 * @param approvalPolicy the thresholds per impact tier, e.g. {@link ApprovalPolicy#defaults()}
 * @param insecureTrustOnFirstUse whether the first version may be accepted without a pinned digest;
 *     insecure, for tests only: whoever supplies the versions before the first start chooses the root
 * @since 0.2
 */
public record GovernanceOptions(List<DsseEnvelope> trustStoreVersions, Digest rootDigest, ApprovalPolicy approvalPolicy,
                                boolean insecureTrustOnFirstUse) {

    /**
     * Validates the fields and copies the versions.
     *
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} for no versions, an envelope of
     *     another payload type, a root digest that is not SHA-256, no root digest without insecure trust on
     *     first use, or both
     */
    public GovernanceOptions {
        Objects.requireNonNull(trustStoreVersions, "trustStoreVersions");
        Objects.requireNonNull(approvalPolicy, "approvalPolicy");
        trustStoreVersions = List.copyOf(trustStoreVersions);
        if (trustStoreVersions.isEmpty()) {
            throw invalid("trustStoreVersions is empty; pass the signed trust store versions, oldest first");
        }
        for (int i = 0; i < trustStoreVersions.size(); i++) {
            String type = trustStoreVersions.get(i).payloadType();
            if (!TrustStore.SIGNED_PAYLOAD_TYPE.equals(type)) {
                throw invalid("trustStoreVersions[" + i + "] has payloadType \"" + type + "\"; sign each trust_store.json"
                        + " as a DSSE envelope of type " + TrustStore.SIGNED_PAYLOAD_TYPE);
            }
        }
        if (rootDigest == null && !insecureTrustOnFirstUse) {
            throw invalid("rootDigest is missing; pin the SHA-256 of the trust_store.json signed as the root version");
        }
        if (rootDigest != null && insecureTrustOnFirstUse) {
            throw invalid("a root digest is pinned and insecure trust on first use is on; keep the pin and drop"
                    + " insecureTrustOnFirstUse");
        }
        if (rootDigest != null && rootDigest.algorithm() != HashAlgorithm.SHA_256) {
            throw invalid("rootDigest " + rootDigest + " is not SHA-256; pin sha256:<hex> of the root trust_store.json");
        }
    }

    /**
     * Returns the options that anchor the trust store in a pinned root digest (the secure choice).
     *
     * @param trustStoreVersions the signed versions, oldest first
     * @param rootDigest SHA-256 of the root version's {@code trust_store.json}
     * @param approvalPolicy the thresholds per impact tier
     * @return the options
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} as the constructor
     */
    public static GovernanceOptions pinned(List<DsseEnvelope> trustStoreVersions, Digest rootDigest,
                                           ApprovalPolicy approvalPolicy) {
        return new GovernanceOptions(trustStoreVersions, Objects.requireNonNull(rootDigest, "rootDigest"), approvalPolicy,
                false);
    }

    /**
     * Returns options that accept the first version without a pinned digest (trust on first use). Insecure:
     * for tests; a start-up logs a warning naming the digest it accepted.
     *
     * @param trustStoreVersions the signed versions, oldest first
     * @param approvalPolicy the thresholds per impact tier
     * @return the options
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} as the constructor
     */
    public static GovernanceOptions insecureTrustOnFirstUse(List<DsseEnvelope> trustStoreVersions,
                                                            ApprovalPolicy approvalPolicy) {
        return new GovernanceOptions(trustStoreVersions, null, approvalPolicy, true);
    }

    private static ConfigurationException invalid(String message) {
        return new ConfigurationException(ErrorCode.CONFIG_INVALID, "governance options: " + message);
    }
}
