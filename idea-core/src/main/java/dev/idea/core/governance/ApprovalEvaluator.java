package dev.idea.core.governance;

import dev.idea.api.ApprovalException;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseSignature;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalDecision;
import dev.idea.api.governance.ApprovalGroup;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.CountedApproval;
import dev.idea.api.governance.RefusalReason;
import dev.idea.api.governance.RefusedApproval;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.api.governance.Verdict;
import dev.idea.core.internal.crypto.SignatureVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts signed approvals for one manifest against a trust store and an approval policy.
 *
 * <p>Each approval is checked on its own, in this order, and refused with the first reason that
 * applies: not an approval or undecodable ({@code MALFORMED}), approver not in the trust store,
 * no signature by the approver's registered key, another manifest, revoked key, issued or evaluated
 * outside the approver's validity window, issued in the future, expired, no role that may approve
 * the impact. Of the approvals that pass, one per approver decides: the latest issued (ties broken
 * by statement digest); the others are {@code DUPLICATE_APPROVER}; a deciding rejection is
 * {@code REJECTED}. The remaining approvers are counted and the policy's requirement for the impact
 * is evaluated over their roles.
 *
 * <p>Thread-safe; the only state is memos (the last trust store's key ids, the last requirement's
 * description), which never change a decision. Deterministic: the input is sorted by statement
 * digest and signatures before anything is decided, so any order of the same approvals gives an
 * equal decision.
 *
 * <p>Security guarantees: an approval counts once per distinct trusted identity, and because a
 * trust store binds each key to exactly one identity, once per distinct key; the approver id in a
 * payload is believed only after the key registered for that id verified a signature over the
 * DSSE PAE, which binds the payload type; {@code keyid} hints are ignored for trust. Time comes
 * only from the {@code now} argument. At most {@link #MAX_APPROVALS} approvals are evaluated at once.
 */
public final class ApprovalEvaluator {
    /** Most approvals one evaluation accepts; bounds the signature checks a caller can trigger. */
    public static final int MAX_APPROVALS = 1024;

    private static final Comparator<Assessment> INPUT_ORDER = ((Comparator<Assessment>) Assessment::compareDigest)
            .thenComparing(a -> a.approval().envelope().signatures(), ApprovalEvaluator::compareSignatures);
    private static final Comparator<RefusedApproval> REFUSED_ORDER = ((Comparator<RefusedApproval>) (a, b) ->
            Arrays.compareUnsigned(a.statementDigest().value().toByteArray(), b.statementDigest().value().toByteArray()))
            .thenComparing(RefusedApproval::reason).thenComparing(RefusedApproval::approverId)
            .thenComparing(RefusedApproval::detail);

    /** The last requirement described, with its description; requirements are immutable records. */
    private volatile Described described = new Described(ApprovalGroup.NONE, ApprovalGroup.NONE.describe());
    /** Key ids of the signers of the last trust store used; stores are immutable records. */
    private volatile StoreKeyIds keyIds = new StoreKeyIds(null, new ConcurrentHashMap<>());

    /** Creates an evaluator; it holds no state that affects decisions. */
    public ApprovalEvaluator() {
    }

    /**
     * Counts the approvals for a manifest.
     *
     * @param manifestDigest the manifest the approvals must name
     * @param impact the change's impact tier
     * @param approvals the signed approvals, in any order; may include approvals for other manifests
     * @param store the trust store naming the approvers, their keys and roles
     * @param policy the policy giving the requirement for {@code impact} and who may approve it
     * @param now the evaluation instant
     * @return the decision, with every approval either counted or refused with a reason
     * @throws ApprovalException with {@link ErrorCode#APPROVAL_INVALID} for more than {@link #MAX_APPROVALS} approvals
     */
    public ApprovalDecision evaluate(Digest manifestDigest, Impact impact, List<Approval> approvals, TrustStore store,
                                     ApprovalPolicy policy, Instant now) {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(approvals, "approvals");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        if (approvals.size() > MAX_APPROVALS) {
            throw new ApprovalException(ErrorCode.APPROVAL_INVALID, approvals.size() + " approvals were passed; at most "
                    + MAX_APPROVALS + " are evaluated at once, drop those for other manifests first");
        }
        List<Assessment> assessed = new ArrayList<>(approvals.size());
        for (Approval approval : approvals) {
            assessed.add(assess(Objects.requireNonNull(approval, "approvals contains null"), manifestDigest, impact, store,
                    policy, now));
        }
        assessed.sort(INPUT_ORDER);
        List<RefusedApproval> refused = new ArrayList<>();
        Map<String, List<Assessment>> byApprover = new TreeMap<>();
        for (Assessment a : assessed) {
            if (a.acceptable()) {
                byApprover.computeIfAbsent(a.approverId(), id -> new ArrayList<>()).add(a);
            } else {
                refused.add(new RefusedApproval(a.digest(), a.approverId(), a.reason(), a.detail()));
            }
        }
        List<Assessment> deciding = new ArrayList<>(byApprover.size());
        for (List<Assessment> statements : byApprover.values()) {
            Assessment latest = statements.get(0);
            for (Assessment a : statements) {
                if (later(a, latest)) {
                    latest = a;
                }
            }
            for (Assessment a : statements) {
                if (a != latest) {
                    refused.add(duplicate(a, latest));
                }
            }
            deciding.add(latest);
        }
        List<CountedApproval> counted = new ArrayList<>();
        List<Set<String>> roles = new ArrayList<>();
        for (Assessment a : deciding) {
            if (a.statement().verdict() == Verdict.REJECT) {
                refused.add(new RefusedApproval(a.digest(), a.approverId(), RefusalReason.REJECTED, "approver \""
                        + a.approverId() + "\" rejected the change at " + a.statement().issuedAt()));
                continue;
            }
            Set<String> qualifying = qualifyingRoles(a.signer(), impact, policy);
            roles.add(qualifying);
            counted.add(new CountedApproval(a.approverId(), a.keyId(), qualifying, a.statement().issuedAt(), a.digest()));
        }
        refused.sort(REFUSED_ORDER);
        ApprovalGroup requirement = policy.requirement(impact);
        return new ApprovalDecision(manifestDigest, impact, describe(requirement), requirement.isMetBy(roles), counted,
                refused, store.version(), now);
    }

    /** Returns a signer's key id, hashing its key once per trust store. */
    private String keyId(TrustStore store, TrustedSigner signer) {
        StoreKeyIds memo = keyIds;
        if (memo.store() != store) {
            memo = new StoreKeyIds(store, new ConcurrentHashMap<>());
            keyIds = memo;
        }
        return memo.bySigner().computeIfAbsent(signer.id(), id -> signer.key().keyId());
    }

    /** Describes a requirement, reusing the text when the same group is evaluated again. */
    private String describe(ApprovalGroup requirement) {
        Described last = described;
        if (last.group() != requirement) {
            last = new Described(requirement, requirement.describe());
            described = last;
        }
        return last.text();
    }

    /**
     * Checks one approval as {@link #evaluate} would, without counting: for accepting approvals as
     * they arrive.
     *
     * @param approval the approval
     * @param manifestDigest the manifest it must name
     * @param impact the change's impact tier
     * @param store the trust store
     * @param policy the policy
     * @param now the evaluation instant
     * @return the authenticated statement (an approval or a rejection)
     * @throws ApprovalException with {@link ErrorCode#APPROVAL_REFUSED}, the message naming the
     *     {@link RefusalReason} and the values involved
     */
    public ApprovalStatement check(Approval approval, Digest manifestDigest, Impact impact, TrustStore store,
                                   ApprovalPolicy policy, Instant now) {
        Assessment a = assess(Objects.requireNonNull(approval, "approval"), Objects.requireNonNull(manifestDigest, "manifestDigest"),
                Objects.requireNonNull(impact, "impact"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(now, "now"));
        if (!a.acceptable()) {
            throw new ApprovalException(ErrorCode.APPROVAL_REFUSED, a.reason() + ": " + a.detail());
        }
        return a.statement();
    }

    private Assessment assess(Approval approval, Digest manifest, Impact impact, TrustStore store,
                                     ApprovalPolicy policy, Instant now) {
        Bytes pae = approval.envelope().pae();
        Digest digest = Digest.sha256(pae);
        if (!Approval.PAYLOAD_TYPE.equals(approval.envelope().payloadType())) {
            return Assessment.refused(approval, digest, null, null, null, RefusalReason.MALFORMED, "payloadType \""
                    + approval.envelope().payloadType() + "\" is not \"" + Approval.PAYLOAD_TYPE + "\"");
        }
        ApprovalStatement s;
        try {
            s = ApprovalCodec.read(approval.envelope().payload());
        } catch (IdeaException e) {
            return Assessment.refused(approval, digest, null, null, null, RefusalReason.MALFORMED, e.getMessage());
        }
        TrustedSigner signer = store.signer(s.approverId()).orElse(null);
        if (signer == null) {
            return Assessment.refused(approval, digest, s, null, null, RefusalReason.UNKNOWN_SIGNER, "approver \"" + s.approverId()
                    + "\" is not in trust store version " + store.version());
        }
        String keyId = keyId(store, signer);
        if (!signatureVerifies(pae, approval, signer, keyId)) {
            return Assessment.refused(approval, digest, s, signer, keyId, RefusalReason.BAD_SIGNATURE, "no signature verifies"
                    + " with the key " + keyId + " registered for \"" + s.approverId() + "\"");
        }
        RefusalReason reason = semanticReason(s, signer, manifest, impact, policy, now);
        return reason == null ? Assessment.acceptable(approval, digest, s, signer, keyId)
                : Assessment.refused(approval, digest, s, signer, keyId, reason,
                        detail(reason, s, signer, keyId, manifest, impact, now));
    }

    /**
     * Tells whether one of the envelope's signatures verifies with the approver's key over the DSSE
     * PAE (the same check as {@code Dsse.verify} with this one key and threshold 1, without building
     * the PAE twice). Signatures whose hint names the key are tried first; hints are not trusted.
     */
    private static boolean signatureVerifies(Bytes pae, Approval approval, TrustedSigner signer, String keyId) {
        List<DsseSignature> signatures = approval.envelope().signatures();
        for (DsseSignature s : signatures) {
            if (s.keyid().equals(keyId) && SignatureVerifier.isValid(signer.key(), pae, s.sig())) {
                return true;
            }
        }
        for (DsseSignature s : signatures) {
            if (!s.keyid().equals(keyId) && SignatureVerifier.isValid(signer.key(), pae, s.sig())) {
                return true;
            }
        }
        return false;
    }

    private static RefusalReason semanticReason(ApprovalStatement s, TrustedSigner signer, Digest manifest, Impact impact,
                                                ApprovalPolicy policy, Instant now) {
        if (!s.manifestDigest().equals(manifest)) {
            return RefusalReason.OTHER_MANIFEST;
        }
        if (signer.revoked()) {
            return RefusalReason.REVOKED_KEY;
        }
        if (!signer.validAt(s.issuedAt()) || !signer.validAt(now)) {
            return RefusalReason.OUTSIDE_VALIDITY;
        }
        if (s.issuedAt().isAfter(now)) {
            return RefusalReason.NOT_YET_VALID;
        }
        if (!now.isBefore(s.expiresAt())) {
            return RefusalReason.EXPIRED;
        }
        if (!policy.mayApprove(signer.roles(), impact)) {
            return RefusalReason.MISSING_ROLE;
        }
        return null;
    }

    private static String detail(RefusalReason reason, ApprovalStatement s, TrustedSigner signer, String keyId,
                                 Digest manifest, Impact impact, Instant now) {
        String who = "approval by \"" + s.approverId() + "\"";
        return switch (reason) {
            case OTHER_MANIFEST -> who + " is for manifest " + s.manifestDigest() + ", not " + manifest;
            case REVOKED_KEY -> who + ": key " + keyId + " is revoked in the trust store";
            case OUTSIDE_VALIDITY -> who + " issued at " + s.issuedAt() + ", evaluated at " + now
                    + ", outside the signer's window [" + signer.validFrom() + ", " + signer.validUntil() + ")";
            case NOT_YET_VALID -> who + " is issued at " + s.issuedAt() + ", after the evaluation time " + now;
            case EXPIRED -> who + " expired at " + s.expiresAt() + " (evaluated at " + now + ")";
            case MISSING_ROLE -> who + ": roles " + signer.roles() + " may not approve " + impact + " changes";
            default -> who + ": " + reason;
        };
    }

    private static boolean later(Assessment a, Assessment b) {
        int c = a.statement().issuedAt().compareTo(b.statement().issuedAt());
        return c > 0 || c == 0 && a.compareDigest(b) > 0;
    }

    private static RefusedApproval duplicate(Assessment superseded, Assessment deciding) {
        return new RefusedApproval(superseded.digest(), superseded.approverId(), RefusalReason.DUPLICATE_APPROVER,
                "approver \"" + superseded.approverId() + "\" is counted once; the statement issued at "
                        + deciding.statement().issuedAt() + " (" + deciding.digest() + ") decides");
    }

    private static Set<String> qualifyingRoles(TrustedSigner signer, Impact impact, ApprovalPolicy policy) {
        Set<String> qualifying = new TreeSet<>();
        for (String role : signer.roles()) {
            Set<Impact> granted = policy.roles().get(role);
            if (granted != null && granted.contains(impact)) {
                qualifying.add(role);
            }
        }
        return qualifying;
    }

    private static int compareSignatures(List<DsseSignature> a, List<DsseSignature> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).keyid().compareTo(b.get(i).keyid());
            if (c == 0) {
                c = Arrays.compareUnsigned(a.get(i).sig().toByteArray(), b.get(i).sig().toByteArray());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A trust store and the key ids of its signers by signer id, filled as they are needed. */
    private record StoreKeyIds(TrustStore store, Map<String, String> bySigner) {
    }

    /** A requirement and its {@link ApprovalGroup#describe()} text. */
    private record Described(ApprovalGroup group, String text) {
    }
}
