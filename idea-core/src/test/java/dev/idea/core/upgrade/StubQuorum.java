package dev.idea.core.upgrade;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.DsseSignature;
import dev.idea.api.IdeaProvider;
import dev.idea.api.Impact;
import dev.idea.api.upgrade.QuorumStatus;
import dev.idea.api.upgrade.QuorumVote;
import dev.idea.api.upgrade.Upgrades;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stand-in for the approval evaluator in upgrade-flow tests: approvals are unsigned text
 * statements {@code approver=…\nmanifest=…[\nexpires=…]}, counted once per distinct approver when
 * they name the manifest and have not expired. Signature and trust checks are the evaluator's
 * business and are tested there.
 */
final class StubQuorum implements QuorumCheck, IdeaProvider {
    private volatile int threshold;

    StubQuorum(int threshold) {
        this.threshold = threshold;
    }

    /** Changes the threshold, as a policy update would. */
    void threshold(int value) {
        threshold = value;
    }

    @Override
    public String id() {
        return "stub-quorum";
    }

    static DsseEnvelope approval(String approver, Digest manifest) {
        return approval(approver, manifest, null);
    }

    static DsseEnvelope approval(String approver, Digest manifest, Instant expires) {
        String text = "approver=" + approver + "\nmanifest=" + manifest + (expires == null ? "" : "\nexpires=" + expires);
        return new DsseEnvelope(Upgrades.APPROVAL_PAYLOAD_TYPE, Bytes.utf8(text),
                List.of(new DsseSignature("stub", Bytes.utf8("unsigned"))));
    }

    @Override
    public QuorumStatus evaluate(Digest manifestDigest, Impact impact, List<DsseEnvelope> approvals, Instant at) {
        List<QuorumVote> votes = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        int needed = threshold;
        for (DsseEnvelope e : approvals) {
            Map<String, String> fields = new TreeMap<>();
            for (String line : e.payload().utf8String().split("\n")) {
                int eq = line.indexOf('=');
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
            String approver = fields.get("approver");
            Digest statement = Digest.sha256(e.pae());
            String reason = "";
            if (!manifestDigest.toString().equals(fields.get("manifest"))) {
                reason = "OTHER_MANIFEST";
            } else if (fields.containsKey("expires") && !at.isBefore(Instant.parse(fields.get("expires")))) {
                reason = "EXPIRED";
            } else if (!counted.add(approver)) {
                reason = "DUPLICATE";
            }
            votes.add(new QuorumVote(statement, approver, reason.isEmpty(), reason));
        }
        return new QuorumStatus(counted.size() >= needed, needed + "-of(approver)", votes, at);
    }
}
