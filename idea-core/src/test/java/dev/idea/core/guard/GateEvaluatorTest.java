package dev.idea.core.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.guard.CalendarPeriod;
import dev.idea.api.guard.DenyCondition;
import dev.idea.api.guard.GateReason;
import dev.idea.api.guard.GateReasonCode;
import dev.idea.api.guard.GateRequest;
import dev.idea.api.guard.GuardAction;
import dev.idea.api.guard.GuardException;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.guard.MaintenanceWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gate rules: RBAC, maintenance windows across DST changes, freezes, one-time windows, risk, deny-on. */
class GateEvaluatorTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static GateRequest apply() {
        return new GateRequest("ops", Set.of("release-manager"), GuardAction.APPLY, "mf-1", 1.0, Set.of());
    }

    private static GuardPolicy windowPolicy(MaintenanceWindow w) {
        return GuardPolicy.builder().allow("release-manager", GuardAction.APPLY).window(w).build();
    }

    private static boolean allowedAt(GuardPolicy policy, Instant at) {
        return GateEvaluator.evaluate(policy, apply(), at).reasons().isEmpty();
    }

    /** Counts the minutes of one UTC day range during which the window admits an APPLY. */
    private static long minutesOpen(GuardPolicy policy, Instant from, Duration span) {
        long open = 0;
        for (Instant t = from; t.isBefore(from.plus(span)); t = t.plusSeconds(60)) {
            if (allowedAt(policy, t)) {
                open++;
            }
        }
        return open;
    }

    private static Instant startOfLocalDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    @ParameterizedTest(name = "{0} {1}-{2} {3} on {4}: {5} minutes")
    @CsvSource({
        // Europe/Berlin: clocks go forward on the last Sunday of March (02:00 -> 03:00), back on the last Sunday of October (03:00 -> 02:00)
        "Europe/Berlin, 01:00, 04:00, 2026-03-22, 180",
        "Europe/Berlin, 01:00, 04:00, 2026-03-29, 120",
        "Europe/Berlin, 01:00, 04:00, 2026-10-25, 240",
        "Europe/Berlin, 02:00, 03:00, 2026-03-29, 0",
        "Europe/Berlin, 02:00, 03:00, 2026-10-25, 120",
        "Europe/Berlin, 02:00, 03:00, 2026-11-01, 60",
        // America/New_York: second Sunday of March (02:00 -> 03:00), first Sunday of November (02:00 -> 01:00)
        "America/New_York, 01:00, 03:00, 2026-03-01, 120",
        "America/New_York, 01:00, 03:00, 2026-03-08, 60",
        "America/New_York, 01:00, 03:00, 2026-11-01, 180",
        "America/New_York, 22:00, 03:00, 2026-03-07, 240",
    })
    void contains_sundayWindowAcrossDaylightSavingChanges_followsLocalWallClock(String zone, String start, String end,
                                                                                 String day, long expectedMinutes) {
        ZoneId z = ZoneId.of(zone);
        LocalDate date = LocalDate.parse(day);
        MaintenanceWindow w = new MaintenanceWindow("sunday", EnumSet.of(date.getDayOfWeek()), LocalTime.parse(start),
                LocalTime.parse(end), z);
        Instant from = startOfLocalDay(date, z);
        Duration span = Duration.between(from, startOfLocalDay(date.plusDays(2), z));

        assertThat(minutesOpen(windowPolicy(w), from, span)).isEqualTo(expectedMinutes);
    }

    @Test
    void contains_berlinSpringForward_exactBoundaryInstants() {
        GuardPolicy policy = windowPolicy(new MaintenanceWindow("night", EnumSet.of(DayOfWeek.SUNDAY),
                LocalTime.of(1, 0), LocalTime.of(4, 0), BERLIN));
        assertThat(allowedAt(policy, Instant.parse("2026-03-28T23:59:59Z"))).as("00:59:59 CET").isFalse();
        assertThat(allowedAt(policy, Instant.parse("2026-03-29T00:00:00Z"))).as("01:00 CET").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-03-29T01:00:00Z"))).as("03:00 CEST").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-03-29T01:59:59Z"))).as("03:59:59 CEST").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-03-29T02:00:00Z"))).as("04:00 CEST").isFalse();
    }

    @Test
    void contains_newYorkFallBack_repeatedHourIsInsideBothTimes() {
        GuardPolicy policy = windowPolicy(new MaintenanceWindow("night", EnumSet.of(DayOfWeek.SUNDAY),
                LocalTime.of(1, 0), LocalTime.of(2, 0), NEW_YORK));
        assertThat(allowedAt(policy, Instant.parse("2026-11-01T05:30:00Z"))).as("01:30 EDT").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-11-01T06:30:00Z"))).as("01:30 EST").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-11-01T07:00:00Z"))).as("02:00 EST").isFalse();
    }

    @Test
    void contains_overnightWindow_belongsToTheDayItStarts() {
        GuardPolicy policy = windowPolicy(new MaintenanceWindow("weeknights", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(22, 0), LocalTime.of(2, 0), BERLIN));
        assertThat(allowedAt(policy, Instant.parse("2026-11-27T22:00:00Z"))).as("Fri 23:00").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-11-28T00:30:00Z"))).as("Sat 01:30, Friday's window").isTrue();
        assertThat(allowedAt(policy, Instant.parse("2026-11-28T22:00:00Z"))).as("Sat 23:00").isFalse();
        assertThat(allowedAt(policy, Instant.parse("2026-11-30T00:30:00Z"))).as("Mon 01:30, Sunday has no window").isFalse();
    }

    @Test
    void evaluate_insideFreeze_isDeniedEvenInsideAWindowAndAtTheExactStart() {
        CalendarPeriod freeze = new CalendarPeriod("year-end", LocalDateTime.parse("2026-12-20T00:00"),
                LocalDateTime.parse("2027-01-04T00:00"), BERLIN);
        GuardPolicy policy = GuardPolicy.builder().allow("release-manager", GuardAction.APPLY)
                .window(new MaintenanceWindow("daily", EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 59),
                        BERLIN))
                .oneTimeWindow(new CalendarPeriod("hotfix", LocalDateTime.parse("2026-12-24T10:00"),
                        LocalDateTime.parse("2026-12-24T12:00"), BERLIN))
                .freeze(freeze).build();

        assertThat(allowedAt(policy, Instant.parse("2026-12-19T22:00:00Z"))).as("an hour before").isTrue();
        var start = GateEvaluator.evaluate(policy, apply(), Instant.parse("2026-12-19T23:00:00Z"));
        assertThat(start.reasons()).extracting(GateReason::code).containsExactly(GateReasonCode.FREEZE_PERIOD);
        assertThat(start.reasons().get(0).detail()).contains("year-end").contains("2027-01-03T23:00:00Z");
        assertThat(allowedAt(policy, Instant.parse("2026-12-24T10:30:00Z"))).as("one-time window inside a freeze").isFalse();
        assertThat(allowedAt(policy, Instant.parse("2027-01-03T23:00:00Z"))).as("end is exclusive").isTrue();
    }

    @Test
    void calendarPeriod_startInTheSpringGap_movesForwardByTheGap() {
        CalendarPeriod p = new CalendarPeriod("gap", LocalDateTime.parse("2026-03-29T02:30"),
                LocalDateTime.parse("2026-03-29T05:00"), BERLIN);
        assertThat(p.startInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(p.endInstant()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
    }

    @Test
    void evaluate_oneTimeWindow_admitsOutsideTheRecurringOnesAndIsNamed() {
        GuardPolicy policy = GuardPolicy.builder().allow("release-manager", GuardAction.APPLY)
                .window(new MaintenanceWindow("tuesday", EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0),
                        LocalTime.of(12, 0), BERLIN))
                .oneTimeWindow(new CalendarPeriod("migration", LocalDateTime.parse("2026-11-28T20:00"),
                        LocalDateTime.parse("2026-11-28T23:00"), BERLIN))
                .build();

        var inside = GateEvaluator.evaluate(policy, apply(), Instant.parse("2026-11-28T20:00:00Z"));
        assertThat(inside.reasons()).isEmpty();
        assertThat(inside.admittedBy()).isEqualTo("migration");
        assertThat(GateEvaluator.evaluate(policy, apply(), Instant.parse("2026-12-01T09:00:00Z")).admittedBy())
                .isEqualTo("tuesday");
        var outside = GateEvaluator.evaluate(policy, apply(), Instant.parse("2026-11-28T22:30:00Z"));
        assertThat(outside.reasons()).extracting(GateReason::code).containsExactly(GateReasonCode.OUTSIDE_MAINTENANCE_WINDOW);
        assertThat(outside.reasons().get(0).detail()).contains("local 2026-11-28T23:30");
    }

    @Test
    void evaluate_everyRuleBroken_listsEveryReasonInRuleOrder() {
        GuardPolicy policy = GuardPolicy.builder()
                .allow("release-manager", GuardAction.APPLY)
                .allow("approver", GuardAction.APPROVE)
                .window(new MaintenanceWindow("sat", EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(6, 0), LocalTime.of(8, 0),
                        ZoneOffset.UTC))
                .maxRiskScore(7)
                .denyOn(DenyCondition.MISSING_SBOM, DenyCondition.UNSIGNED_ARTIFACT, DenyCondition.SECRET_DETECTED)
                .build();
        GateRequest request = new GateRequest("mallory", Set.of("approver"), GuardAction.APPLY, "mf-9", 9.5,
                Set.of(DenyCondition.UNSIGNED_ARTIFACT, DenyCondition.MISSING_SBOM, DenyCondition.KNOWN_VULNERABILITY));

        var outcome = GateEvaluator.evaluate(policy, request, Instant.parse("2026-11-25T12:00:00Z"));

        assertThat(outcome.reasons()).extracting(GateReason::code).containsExactly(GateReasonCode.ROLE_NOT_PERMITTED,
                GateReasonCode.OUTSIDE_MAINTENANCE_WINDOW, GateReasonCode.RISK_SCORE_ABOVE_MAXIMUM,
                GateReasonCode.DENY_CONDITION, GateReasonCode.DENY_CONDITION);
        assertThat(outcome.reasons().get(0).detail()).contains("[approver]").contains("[release-manager]");
        assertThat(outcome.reasons().get(2).detail()).contains("9.5").contains("7.0");
        assertThat(outcome.reasons().get(3).detail()).contains("missing_sbom");
        assertThat(outcome.reasons().get(4).detail()).contains("unsigned_artifact");
        assertThat(outcome.admittedBy()).isNull();
    }

    @Test
    void evaluate_riskThresholdWithoutScore_failsClosed() {
        GuardPolicy policy = GuardPolicy.builder().allow("submitter", GuardAction.SUBMIT).maxRiskScore(5).build();
        var outcome = GateEvaluator.evaluate(policy, GateRequest.of("alice", Set.of("submitter"), GuardAction.SUBMIT, "pkg"),
                Instant.EPOCH);
        assertThat(outcome.reasons()).extracting(GateReason::code).containsExactly(GateReasonCode.RISK_SCORE_MISSING);
        var atMax = GateEvaluator.evaluate(policy, new GateRequest("alice", Set.of("submitter"), GuardAction.SUBMIT, "pkg",
                5.0, Set.of()), Instant.EPOCH);
        assertThat(atMax.reasons()).as("max_score itself is acceptable").isEmpty();
    }

    @Test
    void evaluate_audit_isGovernedByRolesOnly() {
        GuardPolicy policy = GuardPolicy.builder().allow("auditor", GuardAction.AUDIT).maxRiskScore(1)
                .denyOn(DenyCondition.MISSING_SBOM)
                .freeze(new CalendarPeriod("always", LocalDateTime.parse("2000-01-01T00:00"),
                        LocalDateTime.parse("2100-01-01T00:00"), BERLIN))
                .build();
        assertThat(GateEvaluator.evaluate(policy, GateRequest.of("eve", Set.of("auditor"), GuardAction.AUDIT, "chain"),
                Instant.parse("2026-11-23T10:00:00Z")).reasons()).isEmpty();
        assertThat(GateEvaluator.evaluate(policy, GateRequest.of("eve", Set.of(), GuardAction.AUDIT, "chain"),
                Instant.parse("2026-11-23T10:00:00Z")).reasons()).extracting(GateReason::code)
                .containsExactly(GateReasonCode.ROLE_NOT_PERMITTED);
    }

    @Test
    void policy_inconsistentValues_areRefusedNamingTheValue() {
        assertPolicyInvalid(() -> new MaintenanceWindow("x", EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON,
                BERLIN), "starts and ends at 12:00");
        assertPolicyInvalid(() -> new MaintenanceWindow("x", EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON,
                LocalTime.MIDNIGHT, BERLIN), "no days");
        assertPolicyInvalid(() -> new CalendarPeriod("x", LocalDateTime.parse("2026-01-02T00:00"),
                LocalDateTime.parse("2026-01-01T00:00"), BERLIN), "is empty");
        assertPolicyInvalid(() -> GuardPolicy.builder().maxRiskScore(-1), "max_score -1.0");
        assertPolicyInvalid(() -> DenyCondition.ofWireName("missing-sbom"), "missing_sbom");
        assertThat(DenyCondition.ofWireName("unsigned_artifact")).isEqualTo(DenyCondition.UNSIGNED_ARTIFACT);
    }

    private static void assertPolicyInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
        assertThatThrownBy(call).isInstanceOf(GuardException.class).hasMessageContaining(text)
                .satisfies(e -> assertThat(((GuardException) e).errorCode()).isEqualTo(ErrorCode.GUARD_POLICY_INVALID));
    }
}
