package dev.idea.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.Bytes;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.RuleSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plans for known contexts match the golden files byte for byte. After an intended format change,
 * regenerate them with {@code -Didea.rules.update-golden=true} and review the diff.
 */
class GoldenPlanTest {
    private final DefaultRulePlanner planner = RuleResources.planner();

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource({
        "lksg.v1, lksg-clean, basic",
        "lksg.v1, lksg-risky, basic",
        "lksg.v1, lksg-risky, weighted",
        "human-approval.v1, human-low-confidence, basic",
        "human-approval.v1, human-verified, basic"})
    void plan_knownContext_matchesGoldenFileByteForByte(String policyId, String contextName, String selectorName)
            throws IOException {
        Policy policy = planner.policy(policyId);
        RuleContext context = planner.readContext(RuleResources.bytes("contexts/" + contextName + ".json"));
        RuleSelector selector = selectorName.equals("basic") ? RuleSelector.basic()
                : RuleSelector.weighted(planner.readWeights(RuleResources.bytes("lksg-weights.yaml"), "lksg-weights.yaml"));

        RulePlan plan = planner.plan(policy, context, selector);
        Bytes written = planner.writePlan(plan);

        String golden = "golden/" + contextName + "." + selectorName + ".plan.json";
        if (Boolean.getBoolean("idea.rules.update-golden")) {
            Files.write(RuleResources.SOURCE_DIR.resolve(golden), written.toByteArray());
        }
        assertThat(written.utf8String()).isEqualTo(RuleResources.bytes(golden).utf8String());
        assertThat(written).isEqualTo(RuleResources.bytes(golden));
        assertThat(planner.writePlan(planner.plan(policy, context, selector))).isEqualTo(written);
        assertThat(PlanCodec.digest(plan)).isEqualTo(plan.planDigest());
        assertThat(PlanCodec.writeTree(plan, true)).isEqualTo(written.toByteArray());
        assertThat(Path.of(golden).getFileName().toString()).endsWith(".plan.json");
    }
}
