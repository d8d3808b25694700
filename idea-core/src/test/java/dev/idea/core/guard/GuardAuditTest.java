package dev.idea.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.guard.DenyCondition;
import dev.idea.api.guard.GateRequest;
import dev.idea.api.guard.GateResult;
import dev.idea.api.guard.Guard;
import dev.idea.api.guard.GuardAction;
import dev.idea.api.guard.GuardException;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.guard.MaintenanceWindow;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.kernel.FakeKernelProvider;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every gate decision, allowed or denied, is an audit event carrying the evaluated instant and every reason. */
class GuardAuditTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-29T00:30:00Z")); // 01:30 CET, Berlin

    private Idea idea() {
        return Idea.builder().provider(new InMemoryStorageProvider()).storage("memory")
                .provider(new FakeKernelProvider()).kernel("fake").clock(clock).environment(Map.of()).build();
    }

    private static GuardPolicy policy() {
        return GuardPolicy.builder()
                .allow("release-manager", GuardAction.APPLY)
                .window(new MaintenanceWindow("sunday-night", EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0),
                        LocalTime.of(4, 0), ZoneId.of("Europe/Berlin")))
                .maxRiskScore(5)
                .denyOn(DenyCondition.MISSING_SBOM)
                .build();
    }

    @Test
    void evaluate_allowedAndDenied_eachAppendsAGateDecisionEvent() {
        try (Idea idea = idea()) {
            Guard guard = idea.guard(policy());
            GateResult allowed = guard.evaluate(new GateRequest("ops", Set.of("release-manager"), GuardAction.APPLY,
                    "up-1", 2.0, Set.of()));
            clock.advance(java.time.Duration.ofHours(2)); // 04:30 CEST: after the window, which lost an hour to DST
            GateResult denied = guard.evaluate(new GateRequest("ops", Set.of("release-manager"), GuardAction.APPLY,
                    "up-1", 6.0, Set.of(DenyCondition.MISSING_SBOM)));

            assertThat(allowed.allowed()).isTrue();
            assertThat(allowed.admittedBy()).isEqualTo("sunday-night");
            assertThat(denied.allowed()).isFalse();
            AuditEvent allowEvent = idea.auditEvents(allowed.auditSeq(), 1).get(0);
            AuditEvent denyEvent = idea.auditEvents(denied.auditSeq(), 1).get(0);
            assertThat(allowEvent.type()).isEqualTo(AuditEventType.GATE_DECISION);
            assertThat(allowEvent.timestamp()).isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
            assertThat(allowEvent.attributes()).containsEntry("decision", "allow").containsEntry("window", "sunday-night")
                    .containsEntry("action", "APPLY").containsEntry("evaluatedAt", "2026-03-29T00:30:00Z");
            assertThat(denyEvent.attributes()).containsEntry("decision", "deny")
                    .containsEntry("reasons", "OUTSIDE_MAINTENANCE_WINDOW,RISK_SCORE_ABOVE_MAXIMUM,DENY_CONDITION")
                    .containsEntry("evaluatedAt", "2026-03-29T02:30:00Z")
                    .containsEntry("conditions", "missing_sbom");
            assertThat(denyEvent.actor()).isEqualTo("ops");
            assertThat(denyEvent.subject()).isEqualTo("up-1");
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(2);

            assertThat(allowed.requireAllowed()).isSameAs(allowed);
            assertThatThrownBy(denied::requireAllowed).isInstanceOf(GuardException.class)
                    .hasMessageContaining("OUTSIDE_MAINTENANCE_WINDOW").hasMessageContaining("DENY_CONDITION")
                    .satisfies(e -> assertThat(((GuardException) e).errorCode()).isEqualTo(ErrorCode.GUARD_DENIED));
        }
    }
}
