package dev.idea.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.governance.ApprovalGroup;
import dev.idea.api.governance.ApprovalPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalPolicyCodecTest {
    private static final Set<String> A = Set.of("approver");
    private static final Set<String> SO = Set.of("security_officer");
    private static final Set<String> BOTH = Set.of("approver", "security_officer");

    private static Bytes resource(String name) throws IOException {
        try (InputStream in = ApprovalPolicyCodecTest.class.getResourceAsStream("/governance/" + name)) {
            return Bytes.of(in.readAllBytes());
        }
    }

    private static ApprovalPolicy yaml(String text) {
        return ApprovalPolicyCodec.readYaml(Bytes.utf8(text), "test.yaml");
    }

    @Test
    void read_orchestratorYaml_equalsDefaultsPlusItsOtherRoles() throws IOException {
        ApprovalPolicy policy = ApprovalPolicyCodec.read(resource("orchestrator.policy.yaml"), "orchestrator.policy.yaml");
        ApprovalPolicy defaults = ApprovalPolicy.defaults();
        assertEquals(defaults.required(), policy.required());
        assertEquals(defaults.roles().get("approver"), policy.roles().get("approver"));
        assertEquals(Set.of(), policy.roles().get("submitter"), "roles without may_approve approve nothing");
    }

    @Test
    void read_jsonForm_equalsDefaults() throws IOException {
        assertEquals(ApprovalPolicy.defaults(), ApprovalPolicyCodec.read(resource("orchestrator.policy.json"), "policy.json"));
    }

    @Test
    void write_thenReadJson_roundTrips() {
        ApprovalPolicy policy = new ApprovalPolicy(java.util.Map.of(Impact.HIGH, ApprovalGroup.kOf(2, List.of(
                        ApprovalGroup.atLeast(2, A), ApprovalGroup.atLeast(1, SO),
                        ApprovalGroup.anyOf(List.of(ApprovalGroup.atLeast(4, BOTH)))))),
                java.util.Map.of("approver", Set.of(Impact.HIGH), "security_officer", Set.of(Impact.HIGH)));
        assertEquals(policy, ApprovalPolicyCodec.readJson(ApprovalPolicyCodec.write(policy)));
    }

    @Test
    void defaults_critical_needsThreeIncludingASecurityOfficer() {
        ApprovalGroup critical = ApprovalPolicy.defaults().requirement(Impact.CRITICAL);
        assertFalse(critical.isMetBy(List.of(A, A, A)));
        assertFalse(critical.isMetBy(List.of(A, SO)));
        assertTrue(critical.isMetBy(List.of(A, A, SO)));
        assertTrue(critical.isMetBy(List.of(A, A, BOTH)), "one approver may satisfy both groups");
        assertTrue(ApprovalPolicy.defaults().requirement(Impact.HIGH).isMetBy(List.of(A, SO, A)));
        assertTrue(ApprovalPolicy.defaults().requirement(Impact.LOW).isMetBy(List.of()));
        assertEquals("all-of(3 of [approver, security_officer], 1 of [security_officer])", critical.describe());
    }

    @Test
    void read_requirementCountingARoleThatMayNotApproveTheTier_throwsPolicyInvalid() {
        var e = assertThrows(ConfigurationException.class, () -> yaml("""
                rbac:
                  roles:
                    approver: {may_approve: [HIGH]}
                  required_approvals:
                    CRITICAL: {at_least: 1, roles: [approver]}
                """));
        assertEquals(ErrorCode.APPROVAL_POLICY_INVALID, e.errorCode());
        assertThat(e.getMessage()).contains("counts role \"approver\", but that role may not approve CRITICAL");
    }

    @Test
    void read_unknownGroupShapeOrImpact_throwsPolicyInvalid() {
        IdeaException shape = assertThrows(IdeaException.class, () -> yaml("""
                rbac:
                  roles: {approver: {may_approve: [HIGH]}}
                  required_approvals:
                    HIGH: {one_of: []}
                """));
        assertEquals(ErrorCode.APPROVAL_POLICY_INVALID, shape.errorCode());
        IdeaException impact = assertThrows(IdeaException.class, () -> yaml("""
                rbac:
                  roles: {approver: {may_approve: [SEVERE]}}
                  required_approvals: {}
                """));
        assertEquals(ErrorCode.APPROVAL_POLICY_INVALID, impact.errorCode());
        IdeaException zero = assertThrows(IdeaException.class, () -> yaml("""
                rbac:
                  roles: {approver: {may_approve: [HIGH]}}
                  required_approvals: {HIGH: {at_least: 0, roles: [approver]}}
                """));
        assertEquals(ErrorCode.APPROVAL_POLICY_INVALID, zero.errorCode());
    }

    @Test
    void readYaml_aliasOrDuplicateKey_throwsPolicyInvalid() {
        IdeaException alias = assertThrows(IdeaException.class, () -> yaml("""
                rbac:
                  roles: &r {approver: {may_approve: [HIGH]}}
                  required_approvals: *r
                """));
        assertEquals(ErrorCode.APPROVAL_POLICY_INVALID, alias.errorCode());
        IdeaException duplicate = assertThrows(IdeaException.class, () -> yaml("""
                rbac:
                  roles: {approver: {may_approve: [HIGH]}}
                  roles: {}
                  required_approvals: {}
                """));
        assertEquals(ErrorCode.APPROVAL_POLICY_INVALID, duplicate.errorCode());
    }

    @Test
    void readJson_missingRbac_throwsSchemaViolation() {
        var e = assertThrows(FormatException.class, () -> ApprovalPolicyCodec.readJson(Bytes.utf8("{\"guard\":{}}")));
        assertEquals(ErrorCode.JSON_SCHEMA_VIOLATION, e.errorCode());
        assertThat(e.getMessage()).contains("\"rbac\"");
    }
}
