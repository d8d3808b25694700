/**
 * The guard: a gate that decides whether an action (submit, approve, apply, audit) may proceed,
 * from role-based permissions, maintenance windows in IANA time zones, freeze periods, one-time
 * windows, a risk-score threshold and deny-on conditions, and lists every reason it denies.
 *
 * <p>Entry point: {@link dev.idea.api.Idea#guard(GuardPolicy)}. Every decision is an audit event.
 */
package dev.idea.api.guard;
