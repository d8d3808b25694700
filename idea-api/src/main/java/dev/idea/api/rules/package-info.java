/**
 * Adaptive rule planning: policies of rules guarded by named predicates, selectors that pick the
 * rules applying to a JSON context, and the deterministic, digest-addressed {@link
 * dev.idea.api.rules.RulePlan} they produce. Obtain the implementation with {@link
 * dev.idea.api.rules.RulePlanner#create()}.
 *
 * <p>This package depends on the JDK only. Unless a method says otherwise, arguments and return
 * values are never null. The policy format and the predicate expression language are specified in
 * {@code docs/rules.md}.
 */
package dev.idea.api.rules;
