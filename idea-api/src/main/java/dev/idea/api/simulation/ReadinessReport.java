package dev.idea.api.simulation;

import java.util.List;
import java.util.Objects;

/**
 * The result of a readiness simulation with its reproducibility metadata: the record that
 * {@link Simulations#writeRecord} writes and {@link Simulations#replay} verifies.
 *
 * <p>Immutable. Estimates come with 95 % Wilson score intervals. {@code readinessScore} is the
 * share of iterations (0 to 1) in which the release was ready: policy passed and rollout succeeded.
 * {@code policyPassPct} is the percentage (0 to 100) in which the policy passed.
 *
 * @param spec what was simulated
 * @param reproducibility seed, algorithm, versions and digests
 * @param readyIterations iterations in which the release was ready
 * @param readinessScore {@code readyIterations / iterations}
 * @param readinessScoreInterval 95 % interval of the readiness score
 * @param policyPassIterations iterations in which the policy passed
 * @param policyPassPct {@code 100 × policyPassIterations / iterations}
 * @param policyPassPctInterval 95 % interval of the policy pass percentage
 * @param validators per validator, in model order
 * @param approvals per approval, in model order
 * @param rollout the rollout dry run
 * @since 0.1
 */
public record ReadinessReport(SimulationSpec spec, Reproducibility reproducibility, long readyIterations,
                              double readinessScore, Interval readinessScoreInterval, long policyPassIterations,
                              double policyPassPct, Interval policyPassPctInterval, List<ValidatorOutcome> validators,
                              List<ApprovalOutcome> approvals, RolloutDryRun rollout) {
    /** Checks for nulls and copies the lists. */
    public ReadinessReport {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(reproducibility, "reproducibility");
        Objects.requireNonNull(readinessScoreInterval, "readinessScoreInterval");
        Objects.requireNonNull(policyPassPctInterval, "policyPassPctInterval");
        validators = List.copyOf(validators);
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(rollout, "rollout");
    }

    /**
     * A two-sided confidence interval.
     *
     * @param lower the lower bound
     * @param upper the upper bound, at least {@code lower}
     * @since 0.1
     */
    public record Interval(double lower, double upper) {
        /** Checks the order of the bounds. */
        public Interval {
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("interval lower bound " + lower + " is above upper bound " + upper);
            }
        }
    }

    /**
     * How often one validator passed.
     *
     * @param id the validator id
     * @param passed iterations in which it passed
     * @param passPct {@code 100 × passed / iterations}
     * @since 0.1
     */
    public record ValidatorOutcome(String id, long passed, double passPct) {
        /** Checks the id. */
        public ValidatorOutcome {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * How often one approval was granted in time, and how long it took.
     *
     * @param id the approval id
     * @param granted iterations in which it was granted within its timeout
     * @param grantedPct {@code 100 × granted / iterations}
     * @param meanDelayHours mean drawn delay over all iterations, in hours
     * @since 0.1
     */
    public record ApprovalOutcome(String id, long granted, double grantedPct, double meanDelayHours) {
        /** Checks the id. */
        public ApprovalOutcome {
            Objects.requireNonNull(id, "id");
        }
    }
}
