/**
 * The readiness simulation engine behind {@link dev.idea.api.simulation.Simulations}: the compiled
 * model, the seeded parallel run with its fixed-order reduction, and the JSON forms of specs and
 * records.
 */
package dev.idea.core.simulation;
