package dev.idea.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.guard.DenyCondition;
import dev.idea.api.guard.GuardAction;
import dev.idea.api.guard.GuardPolicy;
import dev.idea.api.guard.MaintenanceWindow;
import dev.idea.api.governance.ApprovalPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardPolicyCodecTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "orchestrator.policy.yaml");

    /** A valid policy in which {@code %s} is replaced by the line under test (indented as a window member). */
    private static final String TEMPLATE = """
            rbac:
              roles:
                ops: {actions: [apply]}
            guard:
              maintenance_windows:
                - name: nightly
                  days: [MON]
                  start: "22:00"
                  end: "02:00"
                  zone: Europe/Berlin
            """;

    @Test
    void read_exampleFile_parsesEveryField() throws Exception {
        GuardPolicy p = GuardPolicyCodec.read(Bytes.of(Files.readAllBytes(EXAMPLE)), EXAMPLE.getFileName().toString());

        assertThat(p.permissions()).containsEntry("release-manager", Set.of(GuardAction.APPLY))
                .containsEntry("security_officer", Set.of(GuardAction.APPROVE, GuardAction.AUDIT))
                .containsEntry("submitter", Set.of(GuardAction.SUBMIT));
        assertThat(p.windows()).containsExactly(
                new MaintenanceWindow("weeknights", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(22, 0),
                        LocalTime.of(2, 0), ZoneId.of("Europe/Berlin")),
                new MaintenanceWindow("saturday-morning", Set.of(DayOfWeek.SATURDAY), LocalTime.of(6, 0), LocalTime.of(10, 0),
                        ZoneId.of("America/New_York")));
        assertThat(p.oneTimeWindows()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("datacenter-move");
            assertThat(w.start()).isEqualTo(LocalDateTime.parse("2026-07-04T01:00"));
        });
        assertThat(p.freezes()).singleElement().satisfies(f -> assertThat(f.end()).isEqualTo(LocalDateTime.parse("2027-01-04T00:00")));
        assertThat(p.maxRiskScore()).isEqualTo(7.0);
        assertThat(p.denyOn()).containsExactlyInAnyOrder(DenyCondition.MISSING_SBOM, DenyCondition.UNSIGNED_ARTIFACT,
                DenyCondition.SECRET_DETECTED);
    }

    @Test
    void read_exampleFile_isAlsoTheApprovalPolicyWithTheDefaultTiers() throws Exception {
        ApprovalPolicy p = ApprovalPolicyCodec.read(Bytes.of(Files.readAllBytes(EXAMPLE)), EXAMPLE.getFileName().toString());

        for (Impact i : Impact.values()) {
            assertThat(p.requirement(i)).as(i.name()).isEqualTo(ApprovalPolicy.defaults().requirement(i));
        }
    }

    @Test
    void read_json_givesTheSamePolicyAsYaml() {
        GuardPolicy yaml = GuardPolicyCodec.read(Bytes.utf8(TEMPLATE), "p.yaml");
        GuardPolicy json = GuardPolicyCodec.read(Bytes.utf8("""
                {"rbac": {"roles": {"ops": {"actions": ["APPLY"]}}},
                 "guard": {"maintenance_windows": [{"name": "nightly", "days": ["monday"], "start": "22:00",
                   "end": "02:00", "zone": "Europe/Berlin"}]}}"""), "p.json");

        assertThat(json).isEqualTo(yaml);
    }

    @Test
    void read_noGuardSection_givesRbacOnly() {
        GuardPolicy p = GuardPolicyCodec.read(Bytes.utf8("rbac: {roles: {auditor: {actions: [audit]}}}"), "p.yml");

        assertThat(p.windows()).isEmpty();
        assertThat(p.maxRiskScore()).isNull();
        assertThat(p.rolesAllowing(GuardAction.AUDIT)).containsExactly("auditor");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            zone: Europe/Berlin          | zone: "+02:00"             | guard.maintenance_windows[0].zone
            zone: Europe/Berlin          | zone: Mars/Olympus         | guard.maintenance_windows[0].zone
            days: [MON]                  | days: [FUNDAY]             | guard.maintenance_windows[0].days
            days: [MON]                  | days: []                   | guard.maintenance_windows[0]
            start: "22:00"               | start: "25:00"             | guard.maintenance_windows[0].start
            start: "22:00"               | start: 2200                | guard.maintenance_windows[0].start
            start: "22:00"               | start: "02:00"             | guard.maintenance_windows[0]
            name: nightly                | nom: nightly               | unknown member "nom"
            ops: {actions: [apply]}      | ops: {actions: [deploy]}   | rbac.roles.ops.actions
            ops: {actions: [apply]}      | ops: {action: [apply]}     | rbac.roles.ops
            ops: {actions: [apply]}      | ops: [apply]               | rbac.roles.ops
            maintenance_windows:         | maintenance_window:        | unknown member "maintenance_window"
            """)
    void read_badField_namesTheField(String original, String replacement, String field) {
        String text = TEMPLATE.replace(original, replacement);
        assertThat(text).isNotEqualTo(TEMPLATE);

        assertThatThrownBy(() -> GuardPolicyCodec.read(Bytes.utf8(text), "p.yaml")).isInstanceOf(IdeaException.class)
                .hasMessageContaining(field)
                .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(ErrorCode.GUARD_POLICY_INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            max_score: -1                                                         | guard.max_score
            max_score: high                                                       | guard.max_score
            deny_on: [missing_tests]                                              | guard.deny_on
            deny_on: missing_sbom                                                 | guard.deny_on
            freezes: [{name: f, start: "2026-12-20T00:00", end: "2026-12-19T00:00", zone: UTC}] | guard.freezes[0]
            freezes: [{name: f, start: "2026-12-20", end: "2026-12-21T00:00", zone: UTC}]       | guard.freezes[0].start
            one_time_windows: [{start: "2026-12-20T00:00", end: "2026-12-21T00:00", zone: UTC}]  | guard.one_time_windows[0].name
            one_time_windows: [{name: w, start: "2026-12-20T00:00", end: "2026-12-21T00:00"}]    | guard.one_time_windows[0].zone
            """)
    void read_badGuardMember_namesTheField(String line, String field) {
        String text = "rbac: {roles: {ops: {actions: [apply]}}}\nguard:\n  " + line + "\n";

        assertThatThrownBy(() -> GuardPolicyCodec.read(Bytes.utf8(text), "p.yaml")).isInstanceOf(IdeaException.class)
                .hasMessageContaining(field)
                .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(ErrorCode.GUARD_POLICY_INVALID);
    }

    @Test
    void read_missingRbac_explainsWhatAPolicyNeeds() {
        assertThatThrownBy(() -> GuardPolicyCodec.read(Bytes.utf8("guard: {max_score: 3}"), "p.yaml"))
                .hasMessageContaining("rbac is missing").hasMessageContaining("IDEA-9150");
    }

    @Test
    void read_badYamlSyntax_isAGuardPolicyError() {
        assertThatThrownBy(() -> GuardPolicyCodec.read(Bytes.utf8("rbac: {roles: [}"), "p.yaml")).isInstanceOf(IdeaException.class)
                .extracting(e -> ((IdeaException) e).errorCode()).isEqualTo(ErrorCode.GUARD_POLICY_INVALID);
    }
}
