package dev.idea.core.simulation;

import dev.idea.api.simulation.ApprovalModel;
import dev.idea.api.simulation.ReadinessModel;
import dev.idea.api.simulation.RolloutPlan;
import dev.idea.api.simulation.SimulationException;
import dev.idea.api.simulation.ValidatorModel;
import dev.idea.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link ReadinessModel} flattened into arrays for the simulation loop: targets expanded one by one
 * in rollout order and grouped into phases (canary first).
 *
 * <p>Immutable after construction and shared read-only by the worker threads.
 */
final class CompiledModel {
    /** Name of the canary phase in reports. */
    static final String CANARY = "canary";

    final int validators;
    final double[] validatorP;
    final boolean[] validatorRequired;
    final int approvals;
    final double[] approvalP;
    final DelaySampler[] approvalDelay;
    final double[] approvalTimeout;
    final double[] targetP;
    final DelaySampler[] targetMinutes;
    final int phases;
    final String[] phaseName;
    /** Phase {@code k} holds targets {@code phaseStart[k]} (inclusive) to {@code phaseStart[k + 1]}. */
    final int[] phaseStart;
    final int[] phaseConcurrency;
    final double[] phaseMaxFailedPct;
    final double[] phaseBakeMinutes;
    final boolean haltOnError;
    final double failedTargetsPctAbove;
    final double failedWavesAbove;
    final double rollbackMinutes;
    final long drawsPerIteration;

    CompiledModel(ReadinessModel model) {
        List<ValidatorModel> vs = model.validators();
        validators = vs.size();
        validatorP = new double[validators];
        validatorRequired = new boolean[validators];
        for (int i = 0; i < validators; i++) {
            validatorP[i] = vs.get(i).passProbability();
            validatorRequired[i] = vs.get(i).required();
        }
        List<ApprovalModel> as = model.approvals();
        approvals = as.size();
        approvalP = new double[approvals];
        approvalDelay = new DelaySampler[approvals];
        approvalTimeout = new double[approvals];
        for (int i = 0; i < approvals; i++) {
            approvalP[i] = as.get(i).approveProbability();
            approvalDelay[i] = DelaySampler.of(as.get(i).delayHours());
            approvalTimeout[i] = as.get(i).timeoutHours();
        }
        RolloutPlan plan = model.rollout();
        List<RolloutPlan.TargetGroup> inventory = new ArrayList<>();
        for (RolloutPlan.TargetGroup g : plan.targets()) {
            for (int i = 0; i < g.count(); i++) {
                inventory.add(g);
            }
        }
        int total = inventory.size();
        int canarySize = plan.canary().percent() == 0 ? 0
                : (int) Math.min(total, Math.max(1, (long) Math.ceil(plan.canary().percent() * total / 100.0)));
        phases = plan.waves().size() + (canarySize > 0 ? 1 : 0);
        phaseName = new String[phases];
        phaseStart = new int[phases + 1];
        phaseConcurrency = new int[phases];
        phaseMaxFailedPct = new double[phases];
        phaseBakeMinutes = new double[phases];
        targetP = new double[total];
        targetMinutes = new DelaySampler[total];
        List<RolloutPlan.TargetGroup> ordered = new ArrayList<>(total);
        boolean[] taken = new boolean[total];
        int phase = 0;
        if (canarySize > 0) {
            for (int i = 0; i < canarySize; i++) {
                taken[i] = true;
                ordered.add(inventory.get(i));
            }
            phaseName[0] = CANARY;
            phaseConcurrency[0] = plan.canary().concurrency();
            phaseMaxFailedPct[0] = plan.canary().maxFailedPct();
            phaseBakeMinutes[0] = plan.canary().bakeMinutes();
            phase = 1;
            phaseStart[1] = canarySize;
        }
        for (RolloutPlan.Wave wave : plan.waves()) {
            for (int i = 0; i < total; i++) {
                if (!taken[i] && matches(inventory.get(i).labels(), wave.match())) {
                    taken[i] = true;
                    ordered.add(inventory.get(i));
                }
            }
            if (ordered.size() == phaseStart[phase]) {
                throw new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID, "wave \"" + wave.name()
                        + "\" with match " + wave.match() + " selects no target (earlier phases took every match); "
                        + "change its match or remove the wave");
            }
            phaseName[phase] = wave.name();
            phaseConcurrency[phase] = wave.concurrency();
            phaseMaxFailedPct[phase] = plan.maxFailedPct();
            phaseBakeMinutes[phase] = wave.bakeMinutes();
            phaseStart[++phase] = ordered.size();
        }
        if (ordered.size() != total) {
            for (int i = 0; i < total; i++) {
                if (!taken[i]) {
                    throw new SimulationException(ErrorCode.SIMULATION_SPEC_INVALID, (total - ordered.size())
                            + " targets are selected by no wave, e.g. one of group \"" + inventory.get(i).name()
                            + "\" with labels " + inventory.get(i).labels() + "; add a wave that matches them "
                            + "(a last wave with match {} takes the rest)");
                }
            }
        }
        for (int i = 0; i < total; i++) {
            targetP[i] = ordered.get(i).passProbability();
            targetMinutes[i] = DelaySampler.of(ordered.get(i).deployMinutes());
        }
        haltOnError = plan.haltOnError();
        double pctAbove = Double.POSITIVE_INFINITY;
        double wavesAbove = Double.POSITIVE_INFINITY;
        for (RolloutPlan.RollbackTrigger t : plan.rollbackTriggers()) {
            if (t.metric() == RolloutPlan.Metric.FAILED_TARGETS_PCT) {
                pctAbove = Math.min(pctAbove, t.above());
            } else {
                wavesAbove = Math.min(wavesAbove, t.above());
            }
        }
        failedTargetsPctAbove = pctAbove;
        failedWavesAbove = wavesAbove;
        rollbackMinutes = plan.rollbackMinutes();
        drawsPerIteration = validators + 2L * approvals + 2L * total;
    }

    private static boolean matches(Map<String, String> labels, Map<String, String> selector) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    int phaseTargets(int phase) {
        return phaseStart[phase + 1] - phaseStart[phase];
    }
}
