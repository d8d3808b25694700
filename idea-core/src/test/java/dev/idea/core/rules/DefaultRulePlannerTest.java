package dev.idea.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.Rule;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RuleException;
import dev.idea.api.rules.RuleMatch;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.RulePlanner;
import dev.idea.api.rules.RulePredicate;
import dev.idea.api.rules.RuleSelector;
import dev.idea.api.rules.RuleVerdict;
import dev.idea.api.rules.RuleWeights;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultRulePlannerTest {
    private final DefaultRulePlanner planner = RuleResources.planner();

    @Test
    void create_serviceLoader_findsTheCorePlanner() {
        assertThat(RulePlanner.create()).isInstanceOf(DefaultRulePlanner.class);
        assertThat(RulePlanner.create().builtInPolicyIds()).containsExactly("human-approval.v1", "lksg.v1");
    }

    @Test
    void policy_unknownId_throwsPolicyNotFoundListingTheIds() {
        assertCode(() -> planner.policy("lksg.v9"), ErrorCode.RULE_POLICY_NOT_FOUND)
                .hasMessageContaining("\"lksg.v9\"").hasMessageContaining("[human-approval.v1, lksg.v1]");
    }

    @Test
    void execute_lksgRisky_failsConflictRegionsAndAuditFreshness() {
        Policy policy = planner.policy("lksg.v1");
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/lksg-risky.json"));

        RuleVerdict verdict = planner.execute(planner.plan(policy, context, RuleSelector.basic()), policy, context);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failedRules()).containsExactly("audit_fresh", "no_conflict_regions");
    }

    @Test
    void execute_lksgClean_passes() {
        Policy policy = planner.policy("lksg.v1");
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/lksg-clean.json"));

        assertThat(planner.execute(planner.plan(policy, context, RuleSelector.basic()), policy, context).passed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"output\":{\"source\":\"agent\",\"confidence\":0.84,\"retrieval\":{\"verified\":false}}}|human_approval",
        "{\"output\":{\"source\":\"agent\",\"retrieval\":{\"verified\":false}}}|confidence_reported,human_approval",
        "{\"output\":{\"source\":\"agent\",\"confidence\":0.84},\"approval\":{\"human\":{\"approved\":true,\"approver\":\"ana\"}}}|",
        "{\"output\":{\"source\":\"agent\",\"confidence\":0.85,\"retrieval\":{\"verified\":false}}}|",
        "{\"output\":{\"source\":\"agent\",\"confidence\":0.2,\"retrieval\":{\"verified\":true}}}|",
        "{\"output\":{\"source\":\"human\",\"confidence\":0.2}}|"})
    void evaluateAll_humanApprovalPolicy_requiresApprovalBelow085UnlessVerified(String json, String failed) {
        Policy policy = planner.policy("human-approval.v1");
        RuleContext context = planner.readContext(Bytes.utf8(json));

        RuleVerdict verdict = planner.evaluateAll(policy, context);

        assertThat(verdict.failedRules()).isEqualTo(failed == null ? List.of() : List.of(failed.split(",")));
        assertThat(planner.execute(planner.plan(policy, context, RuleSelector.basic()), policy, context)).isEqualTo(verdict);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "{\"a\":1,\"a\":2}", "", "{\"a\":NaN}", "\"text\""})
    void readContext_malformed_throwsContextInvalid(String json) {
        assertCode(() -> planner.readContext(Bytes.utf8(json)), ErrorCode.RULE_CONTEXT_INVALID)
                .hasCauseInstanceOf(IdeaException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rules:\\n  - id: a\\n    cost: -1\\n|is negative",
        "rules:\\n  - id: a\\n|cost is missing",
        "rules:\\n  - id: a\\n    cost: cheap\\n|cost must be a number",
        "rules:\\n  - id: a\\n    cost: 1\\n  - id: a\\n    cost: 2\\n|listed twice",
        "rules:\\n  - id: a\\n    cost: .inf\\n|not finite",
        "rules:\\n  - id: a\\n    cost: 1e10\\n|between 0 and 1000000000",
        "rules:\\n  - id: A\\n    cost: 1\\n|not a valid rule id",
        "rules:\\n  - {id: a, cost: 1, extra: 2}\\n|unknown member",
        "rules: {a: 1}\\n|must be a list",
        "rules:\\n  - id: a\\n    cost: 1\\nrules: []\\n|not valid YAML",
        "{\"rules\":[{\"id\":\"a\",\"cost\":-0.5}]}|is negative"})
    void readWeights_badCost_throwsWeightsInvalid(String yaml, String hint) {
        assertCode(() -> planner.readWeights(Bytes.utf8(yaml.replace("\\n", "\n")), "rules.yaml"), ErrorCode.RULE_WEIGHTS_INVALID)
                .hasMessageContaining(hint);
    }

    @Test
    void plan_weightsMissingARuleOrNamingAnUnknownOne_throwsWeightsInvalid() {
        Policy policy = planner.policy("lksg.v1");
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/lksg-clean.json"));
        RuleWeights partial = planner.readWeights(Bytes.utf8("rules:\n  - {id: no_sanctions, cost: 1}\n  - {id: typo, cost: 1}\n"), "w");

        assertCode(() -> planner.plan(policy, context, RuleSelector.weighted(partial)), ErrorCode.RULE_WEIGHTS_INVALID)
                .hasMessageContaining("no cost for rules [audit_fresh, no_conflict_regions]")
                .hasMessageContaining("costs for rules the policy lacks [typo]");
    }

    @Test
    void plan_weightsWithForgedDigest_throwsWeightsInvalid() {
        Policy policy = planner.policy("lksg.v1");
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/lksg-clean.json"));
        RuleWeights forged = new RuleWeights(Map.of("no_sanctions", 1.0, "no_conflict_regions", 1.0, "audit_fresh", 1.0),
                Digest.sha256(Bytes.utf8("x")));

        assertCode(() -> planner.plan(policy, context, RuleSelector.weighted(forged)), ErrorCode.RULE_WEIGHTS_INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id: p\\nrules: []\\n|RULE_POLICY_INVALID|non-empty list",
        "id: p\\nrules:\\n  - {id: r, cost: 1, check: 'true', when: [nope]}\\n|RULE_POLICY_INVALID|does not define",
        "id: p\\nrules:\\n  - {id: r, check: 'true'}\\n|RULE_POLICY_INVALID|cost is missing",
        "id: p\\nrules:\\n  - {id: r, cost: 1}\\n|RULE_POLICY_INVALID|check is missing",
        "id: p\\nrules:\\n  - {id: r, cost: 1, check: 'a = 1'}\\n|RULE_EXPRESSION_INVALID|check of rule r",
        "id: p\\npredicates: {q: 'exists('}\\nrules:\\n  - {id: r, cost: 1, check: 'true'}\\n|RULE_EXPRESSION_INVALID|predicate q",
        "id: p\\nrules:\\n  - {id: r, cost: 1, check: 'true'}\\n  - {id: r, cost: 2, check: 'true'}\\n|RULE_POLICY_INVALID|rule r twice",
        "id: p\\nid: q\\n|RULE_POLICY_INVALID|not valid YAML",
        "id: p\\nrules: &x [1]\\nother: *x\\n|RULE_POLICY_INVALID|not valid YAML",
        "id: p\\nrules: !!binary aGVsbG8=\\n|RULE_POLICY_INVALID|YAML type",
        "id: p\\nrules:\\n  - {id: r, cost: 1, check: 'true', match: some}\\n|RULE_POLICY_INVALID|match must be all or any",
        "id: p\\nextra: 1\\n|RULE_POLICY_INVALID|unknown member",
        "id: P!\\nrules:\\n  - {id: r, cost: 1, check: 'true'}\\n|RULE_POLICY_INVALID|policy id",
        "- 1\\n|RULE_POLICY_INVALID|top level must be a mapping"})
    void readPolicy_badDocument_throwsTypedError(String yaml, ErrorCode code, String hint) {
        assertCode(() -> planner.readPolicy(Bytes.utf8(yaml.replace("\\n", "\n")), "p.yaml"), code).hasMessageContaining(hint);
    }

    @Test
    void readPolicy_jsonAndReorderedYaml_haveTheSameDigest() {
        Policy yaml = planner.readPolicy(Bytes.utf8("""
                id: p
                predicates: {a: x == 1, b: y == 2}
                rules:
                  - {id: r1, cost: 1, when: [a], check: z}
                  - {id: r2, cost: 2, when: [a, b], match: any, check: 'not z'}
                """), "p.yaml");
        Policy json = planner.readPolicy(Bytes.utf8("""
                {"rules": [{"id": "r2", "cost": 2.0, "when": ["a", "b"], "match": "any", "check": "not z"},
                           {"id": "r1", "cost": 1, "when": "a", "check": "z", "description": ""}],
                 "predicates": {"b": "y == 2", "a": "x == 1"}, "id": "p", "format": "idea.rule-policy/v1"}
                """), "p.json");

        assertThat(json.digest()).isEqualTo(yaml.digest());
        assertThat(json.rules().get(0).match()).isEqualTo(RuleMatch.ANY);
    }

    @Test
    void plan_policyWithBorrowedDigest_isRefused() {
        Policy real = planner.policy("lksg.v1");
        Policy forged = new Policy(real.id(), real.description(), real.predicates(),
                List.of(new Rule("no_sanctions", "", 1, List.of(), RuleMatch.ALL, "true")), real.digest());
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/lksg-risky.json"));

        assertCode(() -> planner.plan(forged, context, RuleSelector.basic()), ErrorCode.RULE_POLICY_INVALID)
                .hasMessageContaining("content hashes to");
    }

    @Test
    void compile_samePolicyTwice_isCompiledOnceAndCachedByDigest() {
        Policy first = planner.readPolicy(Bytes.utf8("id: c\nrules:\n  - {id: r, cost: 1, check: 'true'}\n"), "c.yaml");
        Policy second = planner.readPolicy(Bytes.utf8("{\"id\":\"c\",\"rules\":[{\"id\":\"r\",\"cost\":1,\"check\":\"true\"}]}"), "c.json");

        assertThat(planner.isCached(first)).isTrue();
        assertThat(planner.compile(second)).isSameAs(planner.compile(first));
    }

    @Test
    void execute_planForAnotherContextOrPolicy_throwsPlanMismatch() {
        Policy policy = planner.policy("lksg.v1");
        RuleContext clean = planner.readContext(RuleResources.bytes("contexts/lksg-clean.json"));
        RuleContext risky = planner.readContext(RuleResources.bytes("contexts/lksg-risky.json"));
        RulePlan plan = planner.plan(policy, clean, RuleSelector.basic());

        assertCode(() -> planner.execute(plan, policy, risky), ErrorCode.RULE_PLAN_MISMATCH).hasMessageContaining("context");
        assertCode(() -> planner.execute(plan, planner.policy("human-approval.v1"), clean), ErrorCode.RULE_PLAN_MISMATCH);
    }

    @Test
    void execute_planMissingAnApplicableRule_throwsPlanMismatch() {
        Policy policy = planner.policy("lksg.v1");
        RuleContext risky = planner.readContext(RuleResources.bytes("contexts/lksg-risky.json"));
        RulePlan plan = planner.plan(policy, risky, RuleSelector.basic());
        RulePlan trimmed = new RulePlan(plan.policyId(), plan.policyDigest(), plan.selector(), null, plan.contextDigest(),
                plan.activeRules().subList(0, 1), 1, plan.skippedRules(), plan.planDigest());

        assertCode(() -> planner.execute(trimmed, policy, risky), ErrorCode.RULE_PLAN_MISMATCH).hasMessageContaining("leaves out rule");
    }

    @Test
    void createPolicy_inCode_getsTheDigestOfItsCanonicalForm() {
        Policy policy = planner.createPolicy("code", "", List.of(new RulePredicate("big", "n > 10")),
                List.of(new Rule("limit", "n stays below 100", 1, List.of("big"), RuleMatch.ALL, "n < 100")));

        assertThat(policy.digest()).isEqualTo(PolicyCodec.digest(policy));
        RuleContext context = planner.readContext(Bytes.utf8("{\"n\":150}"));
        assertThat(planner.evaluateAll(policy, context).failedRules()).containsExactly("limit");
    }

    @Test
    void redactedJson_masksSecretsAndPersonalData() {
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/lksg-risky.json"));

        String redacted = context.redactedJson().utf8String();

        assertThat(redacted).doesNotContain("greatlakes.example", "+256", "sk_live").contains("\"email\":\"[redacted]\"")
                .contains("\"portal_api_key\":\"[redacted]\"").contains("\"origin_country\":\"CD\"");
        assertThat(context.toString()).doesNotContain("sk_live");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertCode(ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOf(RuleException.class)
                .satisfies(e -> assertThat(((RuleException) e).errorCode()).isEqualTo(code))
                .hasMessageStartingWith(code.code() + " " + code.name() + ": ");
    }
}
