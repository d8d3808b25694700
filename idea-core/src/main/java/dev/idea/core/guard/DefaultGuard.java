package dev.idea.core.guard;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.guard.GateReason;
import dev.idea.api.guard.GateRequest;
import dev.idea.api.guard.GateResult;
import dev.idea.api.guard.Guard;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.core.audit.AuditLog;
import dev.idea.core.audit.EventDraft;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@link Guard} of one policy: evaluates requests at the clock's instant and appends one
 * {@code gate.decision} audit event per decision, carrying the action, the decision, every reason
 * code, the roles, the risk score and the window that admitted an APPLY.
 *
 * <p>Thread-safe: the policy is immutable and the audit log serializes appends.
 *
 * <p>Security guarantees: the decision is returned only after its audit event is stored.
 */
public final class DefaultGuard implements Guard {
    private final GuardPolicy policy;
    private final AuditLog auditLog;
    private final Clock clock;

    /**
     * Creates the gate.
     *
     * @param policy the policy
     * @param auditLog where decisions are recorded
     * @param clock the only source of time
     */
    public DefaultGuard(GuardPolicy policy, AuditLog auditLog, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GateResult evaluate(GateRequest request) {
        Objects.requireNonNull(request, "request");
        Instant at = clock.instant();
        GateEvaluator.Outcome outcome = GateEvaluator.evaluate(policy, request, at);
        boolean allowed = outcome.reasons().isEmpty();
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("action", request.action().name());
        attributes.put("decision", allowed ? "allow" : "deny");
        attributes.put("roles", String.join(",", request.roles()));
        attributes.put("evaluatedAt", at.toString());
        if (!allowed) {
            attributes.put("reasons", outcome.reasons().stream().map(r -> r.code().name()).collect(Collectors.joining(",")));
            attributes.put("details", outcome.reasons().stream().map(GateReason::detail).collect(Collectors.joining(" | ")));
        }
        if (request.riskScore() != null) {
            attributes.put("riskScore", request.riskScore().toString());
        }
        if (!request.conditions().isEmpty()) {
            attributes.put("conditions", request.conditions().stream().map(c -> c.wireName()).collect(Collectors.joining(",")));
        }
        if (outcome.admittedBy() != null) {
            attributes.put("window", outcome.admittedBy());
        }
        List<AuditEvent> stored = auditLog.append(List.of(new EventDraft(at, AuditEventType.GATE_DECISION, request.actor(),
                request.subject(), null, null, attributes)), concurrent -> { });
        return new GateResult(allowed, request, outcome.reasons(), at, outcome.admittedBy(), stored.get(0).seq());
    }

    @Override
    public GuardPolicy policy() {
        return policy;
    }
}
