package dev.idea.api.simulation;

import java.util.List;
import java.util.Objects;

/**
 * The simulated rollout: how often it succeeded, rolled back or halted, how long it took, and the
 * same per phase.
 *
 * <p>Immutable. The rollout is simulated in every iteration, whatever the policy outcome, so these
 * figures describe the rollout plan alone.
 *
 * @param succeeded iterations in which every phase was healthy and no rollback fired
 * @param successPct {@code 100 × succeeded / iterations}
 * @param rolledBack iterations in which a rollback trigger fired
 * @param rollbackPct {@code 100 × rolledBack / iterations}
 * @param halted iterations stopped by halt-on-error without a rollback
 * @param expectedDurationMinutes mean rollout time, rollbacks included, in minutes
 * @param waves per phase, canary first
 * @since 0.1
 */
public record RolloutDryRun(long succeeded, double successPct, long rolledBack, double rollbackPct, long halted,
                            double expectedDurationMinutes, List<WaveOutcome> waves) {
    /** Copies the list. */
    public RolloutDryRun {
        waves = List.copyOf(waves);
    }

    /**
     * The simulated outcome of one phase (the canary or a wave).
     *
     * @param name the wave name, or {@code canary}
     * @param targets the targets in the phase
     * @param reached iterations in which the rollout got to this phase
     * @param failed iterations, among those, in which the phase failed its health threshold
     * @param failureProbability {@code failed / reached} (0 when never reached)
     * @param expectedDurationMinutes mean time of the phase when reached, bake time included, in minutes
     * @since 0.1
     */
    public record WaveOutcome(String name, int targets, long reached, long failed, double failureProbability,
                              double expectedDurationMinutes) {
        /** Checks the name. */
        public WaveOutcome {
            Objects.requireNonNull(name, "name");
        }
    }
}
