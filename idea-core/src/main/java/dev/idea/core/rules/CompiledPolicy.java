package dev.idea.core.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.Rule;
import dev.idea.api.rules.RuleException;
import dev.idea.api.rules.RuleMatch;
import dev.idea.api.rules.RulePredicate;
import dev.idea.api.rules.RuleWeights;
import dev.idea.core.internal.json.JsonObject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A policy with every predicate and check compiled, and its rules pre-ordered for each cost model.
 *
 * <p>Immutable apart from its cache of weighted orders; thread-safe. Rules are addressed by their
 * index in declaration order.
 */
final class CompiledPolicy {
    /** Most weighted orders kept per policy, keyed by weights digest. */
    static final int MAX_WEIGHTED_ORDERS = 16;

    private final Policy policy;
    private final String[] ruleIds;
    private final String[] predicateIds;
    private final Condition[] predicates;
    private final int[][] when;
    private final boolean[] any;
    private final Condition[] checks;
    private final int[] idOrder;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final String[] skipPrefix;
    private final Order basicOrder;
    private final Cache<Digest, Order> weightedOrders = Caffeine.newBuilder()
            .maximumSize(MAX_WEIGHTED_ORDERS).executor(Runnable::run).build();

    /**
     * The rules in the order a cost model checks them: cost ascending, then id ascending.
     *
     * @param weights the weights this order came from, null for the declared costs
     * @param costs cost by rule index
     * @param sequence rule indexes in check order
     */
    record Order(RuleWeights weights, double[] costs, int[] sequence) {
    }

    private CompiledPolicy(Policy policy) {
        this.policy = policy;
        List<Rule> rules = policy.rules();
        int n = rules.size();
        Map<String, Integer> predicateIndex = new HashMap<>();
        predicateIds = new String[policy.predicates().size()];
        predicates = new Condition[predicateIds.length];
        for (int i = 0; i < predicateIds.length; i++) {
            RulePredicate p = policy.predicates().get(i);
            predicateIds[i] = p.id();
            predicates[i] = ExpressionParser.parse(p.expression(), "policy " + policy.id() + ", predicate " + p.id());
            predicateIndex.put(p.id(), i);
        }
        ruleIds = new String[n];
        when = new int[n][];
        any = new boolean[n];
        checks = new Condition[n];
        double[] declared = new double[n];
        skipPrefix = new String[n];
        for (int i = 0; i < n; i++) {
            Rule r = rules.get(i);
            ruleIds[i] = r.id();
            when[i] = r.when().stream().mapToInt(predicateIndex::get).toArray();
            any[i] = r.match() == RuleMatch.ANY;
            checks[i] = ExpressionParser.parse(r.check(), "policy " + policy.id() + ", check of rule " + r.id());
            declared[i] = r.cost();
            ruleIndex.put(r.id(), i);
            skipPrefix[i] = (r.match() == RuleMatch.ANY ? "any of " : "all of ") + r.when() + " required; ";
        }
        idOrder = sortedIndexes(n, Comparator.comparing(i -> ruleIds[i]));
        basicOrder = order(null, declared);
    }

    /**
     * Compiles a policy after checking that its digest matches its content.
     *
     * @throws RuleException with {@code RULE_POLICY_INVALID} or {@code RULE_EXPRESSION_INVALID}
     */
    static CompiledPolicy compile(Policy policy) {
        Digest actual = PolicyCodec.digest(policy);
        if (!actual.equals(policy.digest())) {
            throw new RuleException(ErrorCode.RULE_POLICY_INVALID, "policy " + policy.id() + " carries digest "
                    + policy.digest() + " but its content hashes to " + actual
                    + "; obtain policies from RulePlanner.readPolicy or createPolicy, which compute the digest");
        }
        return new CompiledPolicy(policy);
    }

    Policy policy() {
        return policy;
    }

    int ruleCount() {
        return ruleIds.length;
    }

    String ruleId(int rule) {
        return ruleIds[rule];
    }

    String predicateId(int predicate) {
        return predicateIds[predicate];
    }

    int[] when(int rule) {
        return when[rule];
    }

    boolean matchesAny(int rule) {
        return any[rule];
    }

    int[] idOrder() {
        return idOrder;
    }

    Order basicOrder() {
        return basicOrder;
    }

    /**
     * Returns the order for a weights file, checking that it gives a cost for exactly this policy's rules.
     *
     * @throws RuleException with {@code RULE_WEIGHTS_INVALID} naming missing or unknown rules
     */
    Order weightedOrder(RuleWeights weights) {
        Order cached = weightedOrders.getIfPresent(weights.digest());
        if (cached != null && (cached.weights() == weights || cached.weights().costs().equals(weights.costs()))) {
            return cached;
        }
        if (!WeightsCodec.digest(weights).equals(weights.digest())) {
            throw new RuleException(ErrorCode.RULE_WEIGHTS_INVALID, "weights carry digest " + weights.digest()
                    + " that does not match their costs; obtain weights from RulePlanner.readWeights");
        }
        TreeSet<String> missing = new TreeSet<>(Arrays.asList(ruleIds));
        missing.removeAll(weights.costs().keySet());
        TreeSet<String> unknown = new TreeSet<>(weights.costs().keySet());
        unknown.removeAll(Arrays.asList(ruleIds));
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new RuleException(ErrorCode.RULE_WEIGHTS_INVALID, "weights " + weights.digest() + " do not fit policy "
                    + policy.id() + ": " + (missing.isEmpty() ? "" : "no cost for rules " + missing + (unknown.isEmpty() ? "" : "; "))
                    + (unknown.isEmpty() ? "" : "costs for rules the policy lacks " + unknown)
                    + "; give exactly one cost for every rule of the policy");
        }
        double[] costs = new double[ruleIds.length];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = weights.costs().get(ruleIds[i]);
        }
        Order order = order(weights, costs);
        weightedOrders.put(weights.digest(), order);
        return order;
    }

    /**
     * Tells which rules apply to a context, evaluating each predicate at most once.
     *
     * @param context the context
     * @param fired receives per predicate 1 when it fired, 2 when it did not, 0 when not evaluated
     * @return per rule index, whether it applies
     */
    boolean[] applicable(JsonObject context, byte[] fired) {
        boolean[] applies = new boolean[ruleIds.length];
        for (int r = 0; r < applies.length; r++) {
            applies[r] = applies(r, context, fired);
        }
        return applies;
    }

    /**
     * Every referenced predicate is evaluated (once per context, memoized in {@code fired}) rather than
     * short-circuited, so that a plan's reasons name all predicates that fired or did not.
     */
    private boolean applies(int rule, JsonObject context, byte[] fired) {
        int[] refs = when[rule];
        int count = 0;
        for (int p : refs) {
            byte state = fired[p];
            if (state == 0) {
                state = predicates[p].test(context) ? (byte) 1 : (byte) 2;
                fired[p] = state;
            }
            if (state == 1) {
                count++;
            }
        }
        return refs.length == 0 || (any[rule] ? count > 0 : count == refs.length);
    }

    /**
     * Evaluates one predicate without memo; the reference path of {@code evaluateAll}.
     *
     * @return whether the predicate fires
     */
    boolean predicate(int predicate, JsonObject context) {
        return predicates[predicate].test(context);
    }

    /**
     * Evaluates a rule's check.
     *
     * @return true when the rule's requirement holds in the context
     */
    boolean check(int rule, JsonObject context) {
        return checks[rule].test(context);
    }

    int indexOf(String ruleId) {
        Integer index = ruleIndex.get(ruleId);
        return index == null ? -1 : index;
    }

    /** Returns the start of a skipped rule's reason, e.g. {@code all of [a, b] required; }. */
    String skipPrefix(int rule) {
        return skipPrefix[rule];
    }

    private Order order(RuleWeights weights, double[] costs) {
        int[] sequence = sortedIndexes(costs.length,
                Comparator.<Integer>comparingDouble(i -> costs[i]).thenComparing(i -> ruleIds[i]));
        return new Order(weights, costs, sequence);
    }

    private static int[] sortedIndexes(int n, Comparator<Integer> comparator) {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, comparator);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
