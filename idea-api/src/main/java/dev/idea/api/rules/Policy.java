package dev.idea.api.rules;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rule policy: named predicates and the rules they guard, identified by id and by the digest of
 * its canonical form.
 *
 * <p>Obtain policies from {@link RulePlanner#policy(String)}, {@link RulePlanner#readPolicy} or
 * {@link RulePlanner#createPolicy}: they compute {@code digest} as SHA-256 of the policy's RFC 8785
 * canonical JSON (see {@code docs/rules.md}). A policy whose digest does not match its content is
 * refused when it is compiled.
 *
 * @param id the policy id, e.g. {@code lksg.v1}
 * @param description what the policy is for
 * @param predicates the named predicates, ids unique
 * @param rules the rules in declaration order, ids unique; every {@code when} id names a predicate
 * @param digest SHA-256 of the canonical policy JSON
 * @since 0.1
 */
public record Policy(String id, String description, List<RulePredicate> predicates, List<Rule> rules, Digest digest) {
    /**
     * Validates ids and references and copies the lists.
     *
     * @throws RuleException with {@code RULE_POLICY_INVALID} on duplicate ids or unknown predicates
     */
    public Policy {
        RuleIds.requirePolicyId(id);
        Objects.requireNonNull(description, "description");
        predicates = List.copyOf(predicates);
        rules = List.copyOf(rules);
        Objects.requireNonNull(digest, "digest");
        Set<String> predicateIds = new HashSet<>();
        for (RulePredicate p : predicates) {
            if (!predicateIds.add(p.id())) {
                throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "policy " + id + " defines predicate "
                        + p.id() + " twice; give each predicate a unique id");
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (Rule r : rules) {
            if (!ruleIds.add(r.id())) {
                throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "policy " + id + " defines rule "
                        + r.id() + " twice; give each rule a unique id");
            }
            for (String ref : r.when()) {
                if (!predicateIds.contains(ref)) {
                    throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "rule " + r.id() + " of policy " + id
                            + " refers to predicate " + ref + ", which the policy does not define; define it under predicates");
                }
            }
        }
    }
}
