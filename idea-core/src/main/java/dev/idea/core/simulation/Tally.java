package dev.idea.core.simulation;

import dev.idea.core.internal.simulation.IterationStream;

/**
 * Counts and sums over a chunk of consecutive iterations, and the simulation of one iteration into
 * them.
 *
 * <p>Not thread-safe: one worker fills one tally. Tallies are combined with {@link #add} in chunk
 * order, so every floating-point sum is taken in the same order whatever the thread count.
 *
 * <p>Each iteration draws in a fixed layout: one value per validator, two per approval (decision,
 * delay), two per target in rollout order (health, deployment time). Every outcome is "draw below
 * probability", so with the same draws a higher probability can only turn a failure into a success:
 * readiness is monotone in every probability by construction.
 */
final class Tally {
    private static final int SUCCEEDED = 0;
    private static final int UNHEALTHY = 1;
    private static final int HALTED = 2;
    private static final int ROLLED_BACK = 3;

    long ready;
    long policyPassed;
    long rolloutSucceeded;
    long rolledBack;
    long halted;
    double rolloutMinutes;
    final long[] validatorPassed;
    final long[] approvalGranted;
    final double[] approvalDelayHours;
    final long[] phaseReached;
    final long[] phaseFailed;
    final double[] phaseMinutes;

    Tally(CompiledModel m) {
        validatorPassed = new long[m.validators];
        approvalGranted = new long[m.approvals];
        approvalDelayHours = new double[m.approvals];
        phaseReached = new long[m.phases];
        phaseFailed = new long[m.phases];
        phaseMinutes = new double[m.phases];
    }

    /** Simulates one iteration, whose stream has just been reset, and adds it to this tally. */
    void simulate(CompiledModel m, IterationStream stream) {
        boolean policy = true;
        for (int i = 0; i < m.validators; i++) {
            if (stream.nextDouble() < m.validatorP[i]) {
                validatorPassed[i]++;
            } else if (m.validatorRequired[i]) {
                policy = false;
            }
        }
        for (int i = 0; i < m.approvals; i++) {
            boolean approves = stream.nextDouble() < m.approvalP[i];
            double delay = m.approvalDelay[i].sample(stream.nextDouble());
            approvalDelayHours[i] += delay;
            if (approves && delay <= m.approvalTimeout[i]) {
                approvalGranted[i]++;
            } else {
                policy = false;
            }
        }
        int outcome = rollout(m, stream);
        if (policy) {
            policyPassed++;
            if (outcome == SUCCEEDED) {
                ready++;
            }
        }
        if (outcome == SUCCEEDED) {
            rolloutSucceeded++;
        } else if (outcome == ROLLED_BACK) {
            rolledBack++;
        } else if (outcome == HALTED) {
            halted++;
        }
    }

    private int rollout(CompiledModel m, IterationStream stream) {
        int outcome = SUCCEEDED;
        long failedTargets = 0;
        long deployedTargets = 0;
        int failedPhases = 0;
        double minutes = 0;
        for (int p = 0; p < m.phases; p++) {
            int failed = 0;
            double phaseTime = 0;
            double batchMax = 0;
            int inBatch = 0;
            int concurrency = m.phaseConcurrency[p];
            for (int t = m.phaseStart[p], end = m.phaseStart[p + 1]; t < end; t++) {
                if (stream.nextDouble() >= m.targetP[t]) {
                    failed++;
                }
                batchMax = Math.max(batchMax, m.targetMinutes[t].sample(stream.nextDouble()));
                if (++inBatch == concurrency) {
                    phaseTime += batchMax;
                    batchMax = 0;
                    inBatch = 0;
                }
            }
            phaseTime += batchMax + m.phaseBakeMinutes[p];
            int size = m.phaseTargets(p);
            phaseReached[p]++;
            phaseMinutes[p] += phaseTime;
            minutes += phaseTime;
            boolean unhealthy = failed * 100.0 > m.phaseMaxFailedPct[p] * size;
            if (unhealthy) {
                phaseFailed[p]++;
                failedPhases++;
                outcome = UNHEALTHY;
            }
            failedTargets += failed;
            deployedTargets += size;
            if (failedTargets * 100.0 > m.failedTargetsPctAbove * deployedTargets || failedPhases > m.failedWavesAbove) {
                outcome = ROLLED_BACK;
                minutes += m.rollbackMinutes;
                break;
            }
            if (unhealthy && m.haltOnError) {
                outcome = HALTED;
                break;
            }
        }
        rolloutMinutes += minutes;
        return outcome;
    }

    /** Adds another tally's counts and sums to this one. */
    void add(Tally other) {
        ready += other.ready;
        policyPassed += other.policyPassed;
        rolloutSucceeded += other.rolloutSucceeded;
        rolledBack += other.rolledBack;
        halted += other.halted;
        rolloutMinutes += other.rolloutMinutes;
        for (int i = 0; i < validatorPassed.length; i++) {
            validatorPassed[i] += other.validatorPassed[i];
        }
        for (int i = 0; i < approvalGranted.length; i++) {
            approvalGranted[i] += other.approvalGranted[i];
            approvalDelayHours[i] += other.approvalDelayHours[i];
        }
        for (int i = 0; i < phaseReached.length; i++) {
            phaseReached[i] += other.phaseReached[i];
            phaseFailed[i] += other.phaseFailed[i];
            phaseMinutes[i] += other.phaseMinutes[i];
        }
    }
}
