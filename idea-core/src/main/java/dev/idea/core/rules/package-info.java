/**
 * Adaptive rule planning: the predicate expression language, policy and weights codecs, compiled
 * policies cached by digest (Caffeine, confined to this package and its sub-packages), selection into
 * deterministic plans, plan execution and context redaction.
 */
package dev.idea.core.rules;
