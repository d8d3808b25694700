package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proof adapt}, run in-process; the plan files under proof/ are copies of idea-core's golden plans. */
class AdaptCommandTest {

    @TempDir
    Path dir;

    @Test
    void adapt_builtInPolicyDryRun_writesTheGoldenPlanAndExitsZero() throws IOException {
        Path plan = dir.resolve("plan.json");

        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", resource("lksg-risky.json"),
                "--selector", "basic", "--dry-run", "-o", plan.toString());

        assertEquals(ProofCommand.EXIT_OK, result.exitCode(), result::toString);
        assertArrayEquals(CanonCommandTest.bytes("proof/lksg-risky.basic.plan.json"), Files.readAllBytes(plan));
        assertTrue(result.out().contains("active: no_sanctions, no_conflict_regions, audit_fresh"), result::toString);
        assertTrue(!result.out().contains("verdict"), result::toString);
    }

    @Test
    void adapt_weightedSelector_ordersByTheWeightsFile() throws IOException {
        Path plan = dir.resolve("plan.json");

        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", resource("lksg-risky.json"),
                "--selector", "weighted", "--weights", resource("lksg-weights.yaml"), "--dry-run", "-o", plan.toString());

        assertEquals(ProofCommand.EXIT_OK, result.exitCode(), result::toString);
        assertArrayEquals(CanonCommandTest.bytes("proof/lksg-risky.weighted.plan.json"), Files.readAllBytes(plan));
    }

    @Test
    void adapt_withoutDryRun_checksTheRulesAndExitsOneWhenOneFails() {
        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", resource("lksg-risky.json"),
                "-o", dir.resolve("p.json").toString());

        assertEquals(ProofCommand.EXIT_RULES_FAILED, result.exitCode(), result::toString);
        assertTrue(result.out().contains("verdict: failed: audit_fresh, no_conflict_regions"), result::toString);
    }

    @Test
    void adapt_cleanContextToStandardOutput_printsThePlanAndPasses() {
        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", resource("lksg-clean.json"));

        assertEquals(ProofCommand.EXIT_OK, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("{\"active_rules\":[{\"cost\":1,\"id\":\"no_sanctions\""), result::toString);
        assertEquals("", result.stderr());
    }

    @Test
    void adapt_policyFileAndContextFromStandardInput_work() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"),
                "id: local.v1\npredicates: {big: n > 10}\nrules:\n  - {id: cap, cost: 1, when: [big], check: n < 100}\n");

        Invocation result = proofWithInput("{\"n\":500}".getBytes(StandardCharsets.UTF_8),
                "adapt", "--policy-file", policy.toString(), "--context", "-", "-o", dir.resolve("plan.json").toString());

        assertEquals(ProofCommand.EXIT_RULES_FAILED, result.exitCode(), result::toString);
        assertTrue(result.out().contains("verdict: failed: cap"), result::toString);
    }

    @Test
    void adapt_unknownPolicy_printsPolicyNotFound() {
        Invocation result = proof("adapt", "--policy", "nope", "--context", resource("lksg-clean.json"));

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-8501 RULE_POLICY_NOT_FOUND: "), result::toString);
    }

    @Test
    void adapt_malformedContext_printsContextInvalid() throws IOException {
        Path context = Files.writeString(dir.resolve("c.json"), "{\"supplier\": ");

        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", context.toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-8504 RULE_CONTEXT_INVALID: "), result::toString);
    }

    @Test
    void adapt_negativeCostInWeights_printsWeightsInvalid() throws IOException {
        Path weights = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: no_sanctions\n    cost: -2\n");

        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", resource("lksg-clean.json"),
                "--selector", "weighted", "--weights", weights.toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-8505 RULE_WEIGHTS_INVALID: "), result::toString);
        assertTrue(result.stderr().contains("is negative"), result::toString);
    }

    @Test
    void adapt_weightedWithoutWeights_isAUsageError() {
        Invocation result = proof("adapt", "--policy", "lksg.v1", "--context", resource("lksg-clean.json"), "--selector", "weighted");

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("--selector weighted needs --weights"), result::toString);
    }

    @Test
    void proof_withoutSubcommand_showsUsageAndFails() {
        Invocation result = proof();

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Missing command: give adapt"), result::toString);
    }

    private static String resource(String name) {
        return CanonCommandTest.resource("proof/" + name).toString();
    }

    private static Invocation proof(String... args) {
        return proofWithInput(new byte[0], args);
    }

    private static Invocation proofWithInput(byte[] stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = ProofCommand.run(new ByteArrayInputStream(stdin), out, err, args);
        return new Invocation(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
