package dev.idea.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.Bytes;
import dev.idea.api.rules.PlannedRule;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.Rule;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RuleMatch;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.RulePredicate;
import dev.idea.api.rules.RuleSelector;
import dev.idea.api.rules.RuleWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of rule planning over random policies and contexts: the plan is a function of (cost, id)
 * whatever the declaration order, and executing it gives the verdict of evaluating every rule.
 */
class RulePlanProperties {
    private static final int PREDICATES = 5;
    private final DefaultRulePlanner planner = RuleResources.planner();

    @Property(tries = 100)
    void plan_anyDeclarationOrder_isTheSameAndOrderedByCostThenId(@ForAll("rules") List<Rule> rules,
            @ForAll("contexts") String context, @ForAll Random random) {
        List<Rule> shuffled = new ArrayList<>(rules);
        Collections.shuffle(shuffled, random);
        Policy declared = policy(rules);
        Policy reordered = policy(shuffled);
        RuleContext ctx = planner.readContext(Bytes.utf8(context));

        RulePlan plan = planner.plan(declared, ctx, RuleSelector.basic());

        assertThat(planner.writePlan(planner.plan(reordered, ctx, RuleSelector.basic()))).isEqualTo(planner.writePlan(plan));
        assertThat(plan.activeRules()).isSortedAccordingTo(
                Comparator.comparingDouble(PlannedRule::cost).thenComparing(PlannedRule::id));
        assertThat(plan.activeRules().size() + plan.skippedRules().size()).isEqualTo(rules.size());
        assertThat(PlanCodec.canonical(plan, true)).isEqualTo(PlanCodec.writeTree(plan, true));
        assertThat(planner.select(reordered, ctx, RuleSelector.basic())).isEqualTo(plan.activeRuleIds());
    }

    @Property(tries = 100)
    void weightedPlan_anyDeclarationOrder_isOrderedByWeightThenId(@ForAll("rules") List<Rule> rules,
            @ForAll("contexts") String context, @ForAll Random random) {
        Map<String, Double> costs = new LinkedHashMap<>();
        rules.forEach(r -> costs.put(r.id(), (double) random.nextInt(4)));
        RuleWeights weights = WeightsCodec.create(costs);
        List<Rule> shuffled = new ArrayList<>(rules);
        Collections.shuffle(shuffled, random);
        RuleContext ctx = planner.readContext(Bytes.utf8(context));

        RulePlan plan = planner.plan(policy(rules), ctx, RuleSelector.weighted(weights));

        assertThat(planner.plan(policy(shuffled), ctx, RuleSelector.weighted(weights))).isEqualTo(plan);
        assertThat(plan.activeRules()).isSortedAccordingTo(
                Comparator.comparingDouble(PlannedRule::cost).thenComparing(PlannedRule::id));
        plan.activeRules().forEach(r -> assertThat(r.cost()).isEqualTo(costs.get(r.id())));
        assertThat(PlanCodec.canonical(plan, true)).isEqualTo(PlanCodec.writeTree(plan, true));
    }

    @Property(tries = 200)
    void execute_plan_givesTheVerdictOfEvaluatingEveryRule(@ForAll("rules") List<Rule> rules,
            @ForAll("contexts") String context, @ForAll Random random) {
        Policy policy = policy(rules);
        RuleContext ctx = planner.readContext(Bytes.utf8(context));
        Map<String, Double> costs = new LinkedHashMap<>();
        rules.forEach(r -> costs.put(r.id(), random.nextDouble() * 10));

        var full = planner.evaluateAll(policy, ctx);

        assertThat(planner.execute(planner.plan(policy, ctx, RuleSelector.basic()), policy, ctx)).isEqualTo(full);
        assertThat(planner.execute(planner.plan(policy, ctx, RuleSelector.weighted(WeightsCodec.create(costs))), policy, ctx))
                .isEqualTo(full);
    }

    private Policy policy(List<Rule> rules) {
        List<RulePredicate> predicates = new ArrayList<>();
        for (int i = 0; i < PREDICATES; i++) {
            predicates.add(new RulePredicate("p" + i, i % 2 == 0 ? "f.p" + i : "n" + i + " >= 5"));
        }
        return planner.createPolicy("random", "generated", predicates, rules);
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        Arbitrary<Rule> rule = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.0),
                Arbitraries.integers().between(0, PREDICATES - 1).set().ofMaxSize(3),
                Arbitraries.of(RuleMatch.class),
                Arbitraries.of("c.x", "not c.y", "c.x or c.y", "n0 < 3", "true", "exists(f)"))
                .as((id, cost, refs, match, check) -> new Rule("r_" + id, "", cost,
                        refs.stream().sorted().map(i -> "p" + i).toList(), match, check));
        return rule.list().ofMinSize(1).ofMaxSize(25).uniqueElements(Rule::id);
    }

    @Provide
    Arbitrary<String> contexts() {
        return Combinators.combine(
                Arbitraries.of(true, false).list().ofSize(PREDICATES),
                Arbitraries.integers().between(0, 9).list().ofSize(PREDICATES),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((flags, numbers, x, y) -> {
                    StringBuilder json = new StringBuilder("{\"f\":{");
                    for (int i = 0; i < PREDICATES; i++) {
                        json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(flags.get(i));
                    }
                    json.append("},\"c\":{\"x\":").append(x).append(",\"y\":").append(y).append('}');
                    for (int i = 0; i < PREDICATES; i++) {
                        json.append(",\"n").append(i).append("\":").append(numbers.get(i));
                    }
                    return json.append('}').toString();
                });
    }
}
