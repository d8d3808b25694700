package dev.idea.bench;

import dev.idea.api.Bytes;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.Rule;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RuleMatch;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.RulePlanner;
import dev.idea.api.rules.RulePredicate;
import dev.idea.api.rules.RuleSelector;
import dev.idea.api.rules.RuleVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule selection on a 1000-rule policy (100 predicates, two per rule, about half the rules active),
 * beside a raw baseline that evaluates the same predicates in a plain Java loop over plain arrays.
 *
 * <p>{@code select} is selection and ordering alone; {@code plan} is the whole public call: predicate evaluation, ordering, the plan records and the
 * plan digest (SHA-256 of its RFC 8785 JSON). Run: {@code java -jar idea-bench/target/idea-bench.jar
 * RuleSelection}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleSelectionBenchmark {
    static final int RULES = 1000;
    static final int PREDICATES = 100;

    private RulePlanner planner;
    private Policy policy;
    private RuleContext context;
    private RulePlan plan;
    private int[] values;
    private int[][] when;
    private int[] costs;

    /** Builds the policy and the context. */
    @Setup
    public void setUp() {
        planner = RulePlanner.create();
        List<RulePredicate> predicates = new ArrayList<>();
        for (int p = 0; p < PREDICATES; p++) {
            predicates.add(new RulePredicate("p" + p, "m.n" + p + " >= 50"));
        }
        List<Rule> rules = new ArrayList<>();
        when = new int[RULES][];
        costs = new int[RULES];
        for (int r = 0; r < RULES; r++) {
            int a = r % PREDICATES;
            int b = (r * 7 + 3) % PREDICATES;
            when[r] = a == b ? new int[] {a} : new int[] {a, b};
            costs[r] = (r * 31) % 17;
            List<String> refs = Arrays.stream(when[r]).mapToObj(p -> "p" + p).toList();
            rules.add(new Rule("rule_" + r, "", costs[r], refs, r % 3 == 0 ? RuleMatch.ANY : RuleMatch.ALL, "m.n0 >= 0"));
        }
        policy = planner.createPolicy("bench.v1", "1000 rules", predicates, rules);
        StringBuilder json = new StringBuilder("{\"m\":{");
        values = new int[PREDICATES];
        for (int p = 0; p < PREDICATES; p++) {
            values[p] = (p * 37) % 100;
            json.append(p == 0 ? "" : ",").append("\"n").append(p).append("\":").append(values[p]);
        }
        context = planner.readContext(Bytes.utf8(json.append("}}").toString()));
        plan = planner.plan(policy, context, RuleSelector.basic());
    }

    /**
     * Selects and orders the rules into a plan with its digest.
     *
     * @return the plan
     */
    @Benchmark
    public RulePlan plan() {
        return planner.plan(policy, context, RuleSelector.basic());
    }

    /**
     * Selects and orders the rules only, without the plan document and its digest.
     *
     * @return the active rule ids in order
     */
    @Benchmark
    public List<String> select() {
        return planner.select(policy, context, RuleSelector.basic());
    }

    /**
     * Checks the active rules of a plan (re-checking that the plan fits the policy and context).
     *
     * @return the verdict
     */
    @Benchmark
    public RuleVerdict execute() {
        return planner.execute(plan, policy, context);
    }

    /**
     * Raw baseline: the same predicate tests and applicability in a plain loop over int arrays, plus
     * sorting the active rules by (cost, index).
     *
     * @return the number of active rules
     */
    @Benchmark
    public long baselinePlainLoop() {
        boolean[] fired = new boolean[PREDICATES];
        for (int p = 0; p < PREDICATES; p++) {
            fired[p] = values[p] >= 50;
        }
        long[] active = new long[RULES];
        int count = 0;
        for (int r = 0; r < RULES; r++) {
            int[] refs = when[r];
            int firing = 0;
            for (int p : refs) {
                firing += fired[p] ? 1 : 0;
            }
            if (r % 3 == 0 ? firing > 0 : firing == refs.length) {
                active[count++] = (long) costs[r] << 32 | r;
            }
        }
        Arrays.sort(active, 0, count);
        return count + active[0];
    }
}
