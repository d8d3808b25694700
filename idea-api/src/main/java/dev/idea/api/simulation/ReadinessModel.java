package dev.idea.api.simulation;

import java.util.List;

/**
 * The readiness model of one release workflow: the validators it must pass, the approvals it waits
 * for and the rollout plan it follows.
 *
 * <p>Immutable. A simulated iteration is <em>policy-passing</em> when every required validator passes
 * and every approval is granted in time, and <em>ready</em> when it is policy-passing and its rollout
 * succeeds (every phase healthy, no rollback). Every outcome compares a uniform draw with a probability
 * in the same way, so raising any probability never lowers readiness.
 *
 * @param name a name for reports
 * @param validators the validators, possibly none, with distinct ids
 * @param approvals the approvals, possibly none, with distinct ids
 * @param rollout the rollout plan
 * @since 0.1
 */
public record ReadinessModel(String name, List<ValidatorModel> validators, List<ApprovalModel> approvals,
                             RolloutPlan rollout) {
    /**
     * Validates the fields and copies the lists.
     *
     * @throws SimulationException {@code SIMULATION_SPEC_INVALID}
     */
    public ReadinessModel {
        Checks.id(name, "model name");
        validators = Checks.list(validators, "validators");
        Checks.unique(validators, ValidatorModel::id, "validator id");
        approvals = Checks.list(approvals, "approvals");
        Checks.unique(approvals, ApprovalModel::id, "approval id");
        Checks.present(rollout, "rollout");
    }
}
