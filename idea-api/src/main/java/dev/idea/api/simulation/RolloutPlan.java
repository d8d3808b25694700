package dev.idea.api.simulation;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A staged rollout of one release over an inventory of targets: an optional canary, then waves that
 * select targets by labels, each checked against a health threshold, with halt-on-error and rollback
 * triggers. The simulation runs it dry.
 *
 * <p>Immutable. Targets are expanded from their groups in declaration order; the canary takes the
 * first {@code ceil(canary.percent × total / 100)} of them, and each wave takes, in order, every
 * remaining target whose labels contain all of the wave's {@code match} pairs (an empty match takes
 * the rest). Every target must end up in exactly one phase and every phase must get a target.
 *
 * @param targets the inventory, at least one group
 * @param canary the canary phase; {@link Canary#NONE} for none
 * @param waves the waves in rollout order, at least one
 * @param maxFailedPct health threshold of a wave: it fails when more than this percentage of its
 *     targets fail their health check
 * @param haltOnError whether a failed phase stops the rollout
 * @param rollbackTriggers conditions, checked after every phase, that roll the release back
 * @param rollbackMinutes time a rollback takes, in minutes
 * @since 0.1
 */
public record RolloutPlan(List<TargetGroup> targets, Canary canary, List<Wave> waves, double maxFailedPct,
                          boolean haltOnError, List<RollbackTrigger> rollbackTriggers, double rollbackMinutes) {
    /** Most targets a plan may hold in total. */
    public static final int MAX_TARGETS = 100_000;

    /**
     * Validates the plan's fields; target coverage is checked when the model is run.
     *
     * @throws SimulationException {@code SIMULATION_PROBABILITY_INVALID} or {@code SIMULATION_SPEC_INVALID}
     */
    public RolloutPlan {
        targets = Checks.list(targets, "rollout targets");
        if (targets.isEmpty()) {
            throw Checks.invalid("rollout targets is empty; list at least one target group");
        }
        Checks.unique(targets, TargetGroup::name, "target group");
        long total = targets.stream().mapToLong(TargetGroup::count).sum();
        if (total > MAX_TARGETS) {
            throw Checks.invalid("the rollout has " + total + " targets, more than " + MAX_TARGETS
                    + "; model large fleets as fewer, representative targets");
        }
        Checks.present(canary, "rollout canary");
        waves = Checks.list(waves, "rollout waves");
        if (waves.isEmpty()) {
            throw Checks.invalid("rollout waves is empty; add at least one wave (match {} takes every target)");
        }
        Checks.unique(waves, Wave::name, "wave");
        Checks.percent(maxFailedPct, "rollout healthCheck maxFailedPct");
        rollbackTriggers = Checks.list(rollbackTriggers, "rollout rollback triggers");
        Checks.nonNegative(rollbackMinutes, "rollout rollback minutes");
    }

    /**
     * A group of identical targets, e.g. 40 web nodes in one region.
     *
     * @param name unique group name
     * @param labels labels that waves select on, kept sorted
     * @param count how many targets, at least 1
     * @param passProbability probability that one target passes its health check after deployment
     * @param deployMinutes distribution of the time to deploy one target, in minutes
     * @since 0.1
     */
    public record TargetGroup(String name, SortedMap<String, String> labels, int count, double passProbability,
                              DelayDistribution deployMinutes) {
        /**
         * Validates the group and copies the labels into an unmodifiable sorted map.
         *
         * @throws SimulationException {@code SIMULATION_PROBABILITY_INVALID} or {@code SIMULATION_SPEC_INVALID}
         */
        public TargetGroup {
            Checks.id(name, "target group name");
            labels = Checks.labels(labels, "target group \"" + name + "\" label");
            Checks.positive(count, "target group \"" + name + "\" count");
            Checks.probability(passProbability, "target group \"" + name + "\" passProbability");
            Checks.present(deployMinutes, "target group \"" + name + "\" deployMinutes");
        }

        /**
         * Creates a group from labels in any map.
         *
         * @param name unique group name
         * @param labels labels, copied and sorted
         * @param count how many targets
         * @param passProbability health-check pass probability per target
         * @param deployMinutes deployment time per target, in minutes
         * @return the group
         */
        public static TargetGroup of(String name, Map<String, String> labels, int count, double passProbability,
                                     DelayDistribution deployMinutes) {
            return new TargetGroup(name, Checks.labels(labels, "target group \"" + name + "\" label"), count,
                    passProbability, deployMinutes);
        }
    }

    /**
     * The canary phase, run before the first wave on a small share of the targets.
     *
     * @param percent share of all targets, from 0 (no canary) to 100
     * @param concurrency targets deployed at once, at least 1
     * @param maxFailedPct health threshold of the canary (usually 0)
     * @param bakeMinutes observation time after the canary, in minutes
     * @since 0.1
     */
    public record Canary(double percent, int concurrency, double maxFailedPct, double bakeMinutes) {
        /** No canary phase. */
        public static final Canary NONE = new Canary(0, 1, 0, 0);

        /**
         * Validates the fields.
         *
         * @throws SimulationException {@code SIMULATION_SPEC_INVALID}
         */
        public Canary {
            Checks.percent(percent, "canary percent");
            Checks.positive(concurrency, "canary concurrency");
            Checks.percent(maxFailedPct, "canary maxFailedPct");
            Checks.nonNegative(bakeMinutes, "canary bakeMinutes");
        }
    }

    /**
     * One wave of the rollout.
     *
     * @param name unique wave name
     * @param match label pairs a target must all carry to be selected, kept sorted; empty selects all
     * @param concurrency targets deployed at once, at least 1
     * @param bakeMinutes observation time after the wave, in minutes
     * @since 0.1
     */
    public record Wave(String name, SortedMap<String, String> match, int concurrency, double bakeMinutes) {
        /**
         * Validates the wave and copies the selector into an unmodifiable sorted map.
         *
         * @throws SimulationException {@code SIMULATION_SPEC_INVALID}
         */
        public Wave {
            Checks.id(name, "wave name");
            match = Checks.labels(match, "wave \"" + name + "\" match");
            Checks.positive(concurrency, "wave \"" + name + "\" concurrency");
            Checks.nonNegative(bakeMinutes, "wave \"" + name + "\" bakeMinutes");
        }

        /**
         * Creates a wave from a selector in any map.
         *
         * @param name unique wave name
         * @param match the selector, copied and sorted
         * @param concurrency targets deployed at once
         * @param bakeMinutes observation time after the wave
         * @return the wave
         */
        public static Wave of(String name, Map<String, String> match, int concurrency, double bakeMinutes) {
            return new Wave(name, Checks.labels(match, "wave \"" + name + "\" match"), concurrency, bakeMinutes);
        }
    }

    /**
     * A condition that rolls the release back when, after a phase, its metric is above a threshold.
     *
     * @param metric what is measured
     * @param above the threshold; the trigger fires when the metric is strictly greater
     * @since 0.1
     */
    public record RollbackTrigger(Metric metric, double above) {
        /**
         * Validates the fields.
         *
         * @throws SimulationException {@code SIMULATION_SPEC_INVALID}
         */
        public RollbackTrigger {
            Checks.present(metric, "rollback trigger metric");
            Checks.nonNegative(above, "rollback trigger \"" + metric.jsonName() + "\" above");
        }
    }

    /**
     * What a rollback trigger measures.
     *
     * @since 0.1
     */
    public enum Metric {
        /** Percentage of the targets deployed so far that failed their health check. */
        FAILED_TARGETS_PCT("failedTargetsPct"),
        /** Number of phases (canary included) that failed their health threshold so far. */
        FAILED_WAVES("failedWaves");

        private final String jsonName;

        Metric(String jsonName) {
            this.jsonName = jsonName;
        }

        /**
         * Returns the name used in spec files.
         *
         * @return e.g. {@code failedTargetsPct}
         */
        public String jsonName() {
            return jsonName;
        }
    }
}
