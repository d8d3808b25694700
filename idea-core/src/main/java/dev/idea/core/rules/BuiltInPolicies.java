package dev.idea.core.rules;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.RuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policies shipped in {@code idea-core} under the resource directory {@code policies/}, one YAML
 * file per policy id. Stateless and thread-safe.
 */
final class BuiltInPolicies {
    /** The ids of the shipped policies. */
    static final Set<String> IDS = Set.of("lksg.v1", "human-approval.v1");

    private BuiltInPolicies() {
    }

    static Set<String> ids() {
        return new TreeSet<>(IDS);
    }

    /**
     * Loads a shipped policy.
     *
     * @throws RuleException with {@code RULE_POLICY_NOT_FOUND} naming the ids available
     */
    static Policy load(String id) {
        if (!IDS.contains(id)) {
            throw new RuleException(ErrorCode.RULE_POLICY_NOT_FOUND, "no built-in policy has id \"" + id + "\"; available: "
                    + ids() + ", or load a policy from a file (proof adapt --policy-file FILE)");
        }
        String resource = "/policies/" + id + ".yaml";
        try (InputStream in = BuiltInPolicies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleException(ErrorCode.RULE_POLICY_NOT_FOUND, "built-in policy " + id + " is missing its resource "
                        + resource + "; the idea-core jar is incomplete, rebuild it");
            }
            Policy policy = PolicyCodec.read(Bytes.of(in.readAllBytes()), "built-in policy " + resource);
            if (!policy.id().equals(id)) {
                throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "resource " + resource + " declares id " + policy.id()
                        + " instead of " + id);
            }
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in policy " + resource, e);
        }
    }
}
