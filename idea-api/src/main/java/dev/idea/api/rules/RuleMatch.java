package dev.idea.api.rules;

/**
 * How the predicates listed in a rule's {@code when} combine to make the rule applicable.
 *
 * @since 0.1
 */
public enum RuleMatch {
    /** The rule applies when every listed predicate fires (the default). */
    ALL,
    /** The rule applies when at least one listed predicate fires. */
    ANY
}
