package dev.idea.core.guard;

import dev.idea.api.guard.CalendarPeriod;
import dev.idea.api.guard.DenyCondition;
import dev.idea.api.guard.GateReason;
import dev.idea.api.guard.GateReasonCode;
import dev.idea.api.guard.GateRequest;
import dev.idea.api.guard.GuardAction;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.guard.MaintenanceWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a {@link GateRequest} against a {@link GuardPolicy} at one instant, in a fixed rule
 * order (RBAC, freeze, windows, risk score, deny-on), collecting every reason rather than stopping
 * at the first.
 *
 * <p>Stateless and thread-safe; a pure function of policy, request and instant.
 */
final class GateEvaluator {

    /** What the rules found: every reason, and the window that admitted an APPLY (or null). */
    record Outcome(List<GateReason> reasons, String admittedBy) {
        Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    private GateEvaluator() {
    }

    static Outcome evaluate(GuardPolicy policy, GateRequest request, Instant at) {
        List<GateReason> reasons = new ArrayList<>();
        rbac(policy, request, reasons);
        String admittedBy = null;
        if (request.action() == GuardAction.APPLY) {
            admittedBy = windows(policy, at, reasons);
        }
        if (request.action().concernsChange()) {
            risk(policy, request, reasons);
            denyOn(policy, request, reasons);
        }
        return new Outcome(reasons, reasons.isEmpty() ? admittedBy : null);
    }

    private static void rbac(GuardPolicy policy, GateRequest request, List<GateReason> reasons) {
        Set<String> roles = request.roles();
        for (String role : roles) {
            Set<GuardAction> allowed = policy.permissions().get(role);
            if (allowed != null && allowed.contains(request.action())) {
                return;
            }
        }
        reasons.add(new GateReason(GateReasonCode.ROLE_NOT_PERMITTED, request.actor() + " with roles " + roles
                + " may not " + request.action() + "; roles that may: " + policy.rolesAllowing(request.action())));
    }

    /** Returns the name of the admitting window, or null when none admits (then a reason was added). */
    private static String windows(GuardPolicy policy, Instant at, List<GateReason> reasons) {
        for (CalendarPeriod freeze : policy.freezes()) {
            if (freeze.contains(at)) {
                reasons.add(new GateReason(GateReasonCode.FREEZE_PERIOD, at + " is in freeze period \"" + freeze.name()
                        + "\" (" + freeze.start() + " to " + freeze.end() + " " + freeze.zone() + "); apply after "
                        + freeze.endInstant()));
                return null;
            }
        }
        if (policy.windows().isEmpty() && policy.oneTimeWindows().isEmpty()) {
            return "always";
        }
        for (CalendarPeriod once : policy.oneTimeWindows()) {
            if (once.contains(at)) {
                return once.name();
            }
        }
        for (MaintenanceWindow w : policy.windows()) {
            if (w.contains(at)) {
                return w.name();
            }
        }
        List<String> described = new ArrayList<>();
        for (MaintenanceWindow w : policy.windows()) {
            described.add(w.name() + " " + w.days() + " " + w.start() + "-" + w.end() + " " + w.zone() + " (local "
                    + at.atZone(w.zone()).toLocalDateTime() + ")");
        }
        for (CalendarPeriod once : policy.oneTimeWindows()) {
            described.add(once.name() + " " + once.start() + " to " + once.end() + " " + once.zone());
        }
        reasons.add(new GateReason(GateReasonCode.OUTSIDE_MAINTENANCE_WINDOW, at + " is outside every maintenance window: "
                + described + "; apply inside one of them"));
        return null;
    }

    private static void risk(GuardPolicy policy, GateRequest request, List<GateReason> reasons) {
        Double max = policy.maxRiskScore();
        if (max == null) {
            return;
        }
        if (request.riskScore() == null) {
            reasons.add(new GateReason(GateReasonCode.RISK_SCORE_MISSING, "the policy's max_score is " + max
                    + " but the request carries no risk score; compute one and ask again"));
        } else if (request.riskScore() > max) {
            reasons.add(new GateReason(GateReasonCode.RISK_SCORE_ABOVE_MAXIMUM, "risk score " + request.riskScore()
                    + " is above max_score " + max + "; reduce the change's risk or have the policy owner raise max_score"));
        }
    }

    private static void denyOn(GuardPolicy policy, GateRequest request, List<GateReason> reasons) {
        for (DenyCondition c : policy.denyOn()) {
            if (request.conditions().contains(c)) {
                reasons.add(new GateReason(GateReasonCode.DENY_CONDITION, "condition " + c.wireName()
                        + " holds and the policy denies on it; fix the change so that it no longer holds"));
            }
        }
    }
}
