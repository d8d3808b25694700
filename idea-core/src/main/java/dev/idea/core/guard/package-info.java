/**
 * The guard: {@link dev.idea.core.guard.GateEvaluator} turns a policy and a request into every
 * reason for a denial, {@link dev.idea.core.guard.DefaultGuard} records each decision in the audit
 * chain.
 */
package dev.idea.core.guard;
