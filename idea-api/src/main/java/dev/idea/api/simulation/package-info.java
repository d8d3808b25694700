/**
 * Deterministic Monte Carlo readiness simulation: the spec of a release's validators, approvals and
 * rollout plan, the seeded run, and the replayable report it produces.
 *
 * <p>Obtain the operations from {@link dev.idea.api.Idea#simulations()}; they need no storage and no
 * provider. The model and the record format are described in {@code docs/simulation.md}.
 *
 * @since 0.1
 */
package dev.idea.api.simulation;
