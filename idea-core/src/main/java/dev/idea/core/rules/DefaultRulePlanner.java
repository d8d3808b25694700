package dev.idea.core.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.PlannedRule;
import dev.idea.api.rules.Rule;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RuleException;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.RulePlanner;
import dev.idea.api.rules.RulePredicate;
import dev.idea.api.rules.RuleSelector;
import dev.idea.api.rules.RuleVerdict;
import dev.idea.api.rules.RuleWeights;
import dev.idea.api.rules.SkippedRule;
import dev.idea.api.rules.WeightedSelector;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.rules.telemetry.RuleTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RulePlanner} of {@code idea-core}.
 *
 * <p>Thread-safe. Compiled policies are cached by policy digest in a bounded Caffeine cache; a cached
 * entry is used only for a policy equal to the one it was compiled from, so a record carrying a
 * borrowed digest is recompiled (and refused, since its digest does not match its content).
 *
 * <p>Security guarantees: expressions are parsed into data, never executed as code. Contexts are
 * logged only redacted, at debug level. {@link #execute} refuses a plan whose policy or context
 * digest differs from the ones given, or whose active rules are not exactly the applicable ones.
 */
final class DefaultRulePlanner implements RulePlanner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRulePlanner.class);

    private final Cache<Digest, CompiledPolicy> compiled;
    private final ConcurrentMap<String, Policy> builtIns = new ConcurrentHashMap<>();
    private final RuleTelemetry telemetry;

    DefaultRulePlanner(int cacheSize, RuleTelemetry telemetry) {
        this.compiled = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    @Override
    public Set<String> builtInPolicyIds() {
        return BuiltInPolicies.ids();
    }

    @Override
    public Policy policy(String id) {
        Objects.requireNonNull(id, "id");
        Policy policy = builtIns.get(id);
        if (policy == null) {
            policy = BuiltInPolicies.load(id);
            builtIns.putIfAbsent(id, policy);
        }
        compile(policy); // expressions are checked when a policy is loaded, not at first use
        return policy;
    }

    @Override
    public Policy readPolicy(Bytes document, String source) {
        Policy policy = PolicyCodec.read(document, source);
        compile(policy);
        return policy;
    }

    @Override
    public Policy createPolicy(String id, String description, List<RulePredicate> predicates, List<Rule> rules) {
        Policy policy = PolicyCodec.create(id, description, predicates, rules);
        compile(policy);
        return policy;
    }

    @Override
    public RuleWeights readWeights(Bytes document, String source) {
        return WeightsCodec.read(document, source);
    }

    @Override
    public RuleContext readContext(Bytes json) {
        return ParsedContext.parse(json);
    }

    @Override
    public RulePlan plan(Policy policy, RuleContext context, RuleSelector selector) {
        Objects.requireNonNull(selector, "selector");
        long start = System.nanoTime();
        try {
            RulePlan plan = select(compile(policy), ParsedContext.from(context), selector);
            telemetry.planned(selector.name(), plan.activeRules().size(), System.nanoTime() - start);
            if (LOG.isDebugEnabled()) {
                LOG.debug("rule plan {} for policy {} ({} selector): {} active, {} skipped; context (redacted) {}",
                        plan.planDigest(), policy.id(), selector.name(), plan.activeRules().size(),
                        plan.skippedRules().size(), context.redactedJson().utf8String());
            }
            return plan;
        } catch (RuntimeException e) {
            telemetry.failed(selector.name(), System.nanoTime() - start);
            throw e;
        }
    }

    @Override
    public List<String> select(Policy policy, RuleContext context, RuleSelector selector) {
        Objects.requireNonNull(selector, "selector");
        CompiledPolicy compiledPolicy = compile(policy);
        CompiledPolicy.Order order = order(compiledPolicy, selector);
        boolean[] applies = compiledPolicy.applicable(ParsedContext.from(context).root(), new byte[policy.predicates().size()]);
        List<String> ids = new ArrayList<>();
        for (int rule : order.sequence()) {
            if (applies[rule]) {
                ids.add(compiledPolicy.ruleId(rule));
            }
        }
        return List.copyOf(ids);
    }

    private static CompiledPolicy.Order order(CompiledPolicy policy, RuleSelector selector) {
        return selector instanceof WeightedSelector weighted ? policy.weightedOrder(weighted.weights()) : policy.basicOrder();
    }

    private RulePlan select(CompiledPolicy policy, ParsedContext context, RuleSelector selector) {
        CompiledPolicy.Order order = order(policy, selector);
        byte[] fired = new byte[policy.policy().predicates().size()];
        boolean[] applies = policy.applicable(context.root(), fired);
        List<PlannedRule> active = new ArrayList<>();
        double costSum = 0;
        for (int rule : order.sequence()) {
            if (applies[rule]) {
                active.add(new PlannedRule(policy.ruleId(rule), order.costs()[rule], fired(policy, rule, fired, (byte) 1)));
                costSum += order.costs()[rule];
            }
        }
        List<SkippedRule> skipped = new ArrayList<>();
        for (int rule : policy.idOrder()) {
            if (!applies[rule]) {
                skipped.add(skipped(policy, rule, fired));
            }
        }
        Policy p = policy.policy();
        RulePlan draft = new RulePlan(p.id(), p.digest(), selector.name(),
                order.weights() == null ? null : order.weights().digest(), context.digest(), active, costSum, skipped,
                p.digest());
        return new RulePlan(draft.policyId(), draft.policyDigest(), draft.selector(), draft.weightsDigest(),
                draft.contextDigest(), draft.activeRules(), draft.costSum(), draft.skippedRules(), PlanCodec.digest(draft));
    }

    private static List<String> fired(CompiledPolicy policy, int rule, byte[] fired, byte state) {
        int[] refs = policy.when(rule);
        List<String> ids = new ArrayList<>(refs.length);
        for (int p : refs) {
            if (fired[p] == state) {
                ids.add(policy.predicateId(p));
            }
        }
        return ids;
    }

    private static SkippedRule skipped(CompiledPolicy policy, int rule, byte[] fired) {
        List<String> notFired = fired(policy, rule, fired, (byte) 2);
        String reason = policy.skipPrefix(rule) + (policy.matchesAny(rule) ? "none fired" : "not fired: " + notFired);
        return new SkippedRule(policy.ruleId(rule), notFired, reason);
    }

    @Override
    public RuleVerdict execute(RulePlan plan, Policy policy, RuleContext context) {
        Objects.requireNonNull(plan, "plan");
        CompiledPolicy compiledPolicy = compile(policy);
        ParsedContext parsed = ParsedContext.from(context);
        if (!plan.policyId().equals(policy.id()) || !plan.policyDigest().equals(policy.digest())) {
            throw mismatch("plan " + plan.planDigest() + " was made for policy " + plan.policyId() + " " + plan.policyDigest()
                    + ", not for " + policy.id() + " " + policy.digest());
        }
        if (!plan.contextDigest().equals(parsed.digest())) {
            throw mismatch("plan " + plan.planDigest() + " was made for context " + plan.contextDigest()
                    + ", not for context " + parsed.digest());
        }
        JsonObject root = parsed.root();
        boolean[] applies = compiledPolicy.applicable(root, new byte[policy.predicates().size()]);
        boolean[] planned = new boolean[applies.length];
        List<String> failed = new ArrayList<>();
        for (PlannedRule r : plan.activeRules()) {
            int rule = compiledPolicy.indexOf(r.id());
            if (rule < 0 || !applies[rule] || planned[rule]) {
                throw mismatch("plan " + plan.planDigest() + " activates rule " + r.id()
                        + ", which is unknown, repeated or does not apply to this context; plan again");
            }
            planned[rule] = true;
            if (!compiledPolicy.check(rule, root)) {
                failed.add(r.id());
            }
        }
        for (int rule = 0; rule < applies.length; rule++) {
            if (applies[rule] && !planned[rule]) {
                throw mismatch("plan " + plan.planDigest() + " leaves out rule " + compiledPolicy.ruleId(rule)
                        + ", which applies to this context; plan again");
            }
        }
        return new RuleVerdict(policy.id(), failed);
    }

    @Override
    public RuleVerdict evaluateAll(Policy policy, RuleContext context) {
        CompiledPolicy compiledPolicy = compile(policy);
        JsonObject root = ParsedContext.from(context).root();
        List<String> failed = new ArrayList<>();
        for (int rule = 0; rule < compiledPolicy.ruleCount(); rule++) {
            // The reference semantics, independent of selection: no memo, no ordering.
            int[] refs = compiledPolicy.when(rule);
            int firing = 0;
            for (int p : refs) {
                firing += compiledPolicy.predicate(p, root) ? 1 : 0;
            }
            boolean applies = refs.length == 0 || (compiledPolicy.matchesAny(rule) ? firing > 0 : firing == refs.length);
            if (applies && !compiledPolicy.check(rule, root)) {
                failed.add(compiledPolicy.ruleId(rule));
            }
        }
        return new RuleVerdict(policy.id(), failed);
    }

    @Override
    public Bytes writePlan(RulePlan plan) {
        return PlanCodec.write(plan);
    }

    /** Returns the compiled form of a policy from the cache, compiling it on a miss. */
    CompiledPolicy compile(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        CompiledPolicy cached = compiled.getIfPresent(policy.digest());
        if (cached != null && (cached.policy() == policy || cached.policy().equals(policy))) {
            return cached;
        }
        CompiledPolicy fresh = CompiledPolicy.compile(policy);
        compiled.put(policy.digest(), fresh);
        return fresh;
    }

    /** Returns whether a policy digest is cached; for tests. */
    boolean isCached(Policy policy) {
        return compiled.getIfPresent(policy.digest()) != null;
    }

    private static RuleException mismatch(String message) {
        return new RuleException(ErrorCode.RULE_PLAN_MISMATCH, message);
    }
}
