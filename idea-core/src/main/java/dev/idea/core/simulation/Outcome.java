package dev.idea.core.simulation;

import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.ReadinessReport.ApprovalOutcome;
import dev.idea.api.simulation.ReadinessReport.Interval;
import dev.idea.api.simulation.ReadinessReport.ValidatorOutcome;
import dev.idea.api.simulation.ReadinessModel;
import dev.idea.api.simulation.RolloutDryRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The result part of a readiness report, everything its result digest covers.
 *
 * @param readyIterations iterations in which the release was ready
 * @param readinessScore the readiness score
 * @param readinessScoreInterval its 95 % Wilson interval
 * @param policyPassIterations iterations in which the policy passed
 * @param policyPassPct the policy pass percentage
 * @param policyPassPctInterval its 95 % Wilson interval, in percent
 * @param validators per validator
 * @param approvals per approval
 * @param rollout the rollout dry run
 */
record Outcome(long readyIterations, double readinessScore, Interval readinessScoreInterval, long policyPassIterations,
               double policyPassPct, Interval policyPassPctInterval, List<ValidatorOutcome> validators,
               List<ApprovalOutcome> approvals, RolloutDryRun rollout) {
    /** 97.5 % quantile of the standard normal distribution, for two-sided 95 % intervals. */
    static final double Z95 = 1.959963984540054;

    static Outcome of(Tally t, CompiledModel m, ReadinessModel model, int iterations) {
        double n = iterations;
        List<ValidatorOutcome> validators = new ArrayList<>();
        for (int i = 0; i < m.validators; i++) {
            validators.add(new ValidatorOutcome(model.validators().get(i).id(), t.validatorPassed[i],
                    100.0 * t.validatorPassed[i] / n));
        }
        List<ApprovalOutcome> approvals = new ArrayList<>();
        for (int i = 0; i < m.approvals; i++) {
            approvals.add(new ApprovalOutcome(model.approvals().get(i).id(), t.approvalGranted[i],
                    100.0 * t.approvalGranted[i] / n, t.approvalDelayHours[i] / n));
        }
        List<RolloutDryRun.WaveOutcome> waves = new ArrayList<>();
        for (int p = 0; p < m.phases; p++) {
            long reached = t.phaseReached[p];
            waves.add(new RolloutDryRun.WaveOutcome(m.phaseName[p], m.phaseTargets(p), reached, t.phaseFailed[p],
                    reached == 0 ? 0.0 : (double) t.phaseFailed[p] / reached,
                    reached == 0 ? 0.0 : t.phaseMinutes[p] / reached));
        }
        RolloutDryRun rollout = new RolloutDryRun(t.rolloutSucceeded, 100.0 * t.rolloutSucceeded / n, t.rolledBack,
                100.0 * t.rolledBack / n, t.halted, t.rolloutMinutes / n, waves);
        return new Outcome(t.ready, t.ready / n, wilson(t.ready, n, 1), t.policyPassed, 100.0 * t.policyPassed / n,
                wilson(t.policyPassed, n, 100), validators, approvals, rollout);
    }

    /** Wilson score interval of {@code k} successes in {@code n} trials, scaled by {@code scale}. */
    static Interval wilson(long k, double n, double scale) {
        double p = k / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Interval(scale * Math.max(0.0, centre - half), scale * Math.min(1.0, centre + half));
    }

    ReadinessReport toReport(dev.idea.api.simulation.SimulationSpec spec, dev.idea.api.simulation.Reproducibility r) {
        return new ReadinessReport(spec, r, readyIterations, readinessScore, readinessScoreInterval, policyPassIterations,
                policyPassPct, policyPassPctInterval, validators, approvals, rollout);
    }

    static Outcome of(ReadinessReport r) {
        return new Outcome(r.readyIterations(), r.readinessScore(), r.readinessScoreInterval(), r.policyPassIterations(),
                r.policyPassPct(), r.policyPassPctInterval(), r.validators(), r.approvals(), r.rollout());
    }
}
