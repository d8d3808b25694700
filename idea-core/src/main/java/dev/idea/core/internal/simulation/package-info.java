/**
 * The one place where commons-rng is used: per-iteration random streams for the simulation engine.
 *
 * <p>Nothing here leaks commons-rng types; callers see {@link dev.idea.core.internal.simulation.IterationStream}.
 */
package dev.idea.core.internal.simulation;
