package dev.idea.api.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule a plan leaves out because its predicates did not fire.
 *
 * @param id the rule id
 * @param notFired ids of the rule's {@code when} predicates that did not fire, in declaration order
 * @param reason the same in words, e.g. {@code all of [a, b] required; not fired: [b]}
 * @since 0.1
 */
public record SkippedRule(String id, List<String> notFired, String reason) {
    /** Validates and copies. */
    public SkippedRule {
        RuleIds.requireName(id, "rule id");
        notFired = List.copyOf(notFired);
        Objects.requireNonNull(reason, "reason");
    }
}
