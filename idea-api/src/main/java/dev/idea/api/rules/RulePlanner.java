package dev.idea.api.rules;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Makes and executes rule plans: reads policies, weights and contexts, selects the rules that apply
 * to a context, and checks them.
 *
 * <pre>{@code
 * RulePlanner planner = RulePlanner.create();
 * Policy policy = planner.policy("lksg.v1");
 * RuleContext context = planner.readContext(Bytes.utf8(json));
 * RulePlan plan = planner.plan(policy, context, RuleSelector.basic());
 * RuleVerdict verdict = planner.execute(plan, policy, context);
 * }</pre>
 *
 * <p>Implementations are thread-safe. Compiled policies are cached by policy digest.
 *
 * <p>Security guarantees: predicates are written in a small expression language that is parsed,
 * never executed as code: no scripting engine, no reflection, bounded size and nesting. A plan is
 * bound to the digests of its policy and context, and {@link #execute} refuses any other. Contexts
 * are logged only in redacted form.
 *
 * @since 0.1
 */
public interface RulePlanner {

    /**
     * Creates a planner with {@link RulePlannerOptions#defaults()}.
     *
     * @return the planner
     * @throws ConfigurationException when {@code idea-core} is not on the class path
     */
    static RulePlanner create() {
        return create(RulePlannerOptions.defaults());
    }

    /**
     * Creates a planner.
     *
     * @param options the settings
     * @return the planner
     * @throws ConfigurationException when {@code idea-core} is not on the class path
     */
    static RulePlanner create(RulePlannerOptions options) {
        List<RulePlannerFactory> found = new ArrayList<>();
        ServiceLoader.load(RulePlannerFactory.class, RulePlanner.class.getClassLoader()).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(RulePlannerFactory.class).forEach(found::add);
        }
        if (found.size() != 1) {
            throw new ConfigurationException(ErrorCode.PROVIDER_NOT_FOUND, found.isEmpty()
                    ? "no rule planner found; add the artifact dev.idea:idea-core to the runtime class path or module path"
                    : "found " + found.size() + " rule planners " + found.stream().map(f -> f.getClass().getName()).toList()
                    + "; keep exactly one dev.idea:idea-core on the class path");
        }
        return found.get(0).create(options);
    }

    /**
     * Returns the ids of the policies shipped with IDEA, e.g. {@code lksg.v1}.
     *
     * @return the ids in order
     */
    Set<String> builtInPolicyIds();

    /**
     * Loads a policy shipped with IDEA.
     *
     * @param id the policy id
     * @return the policy
     * @throws RuleException with {@code RULE_POLICY_NOT_FOUND} naming the ids available
     */
    Policy policy(String id);

    /**
     * Reads a policy document in JSON or YAML (a document starting with <code>{</code> is JSON).
     *
     * @param document the UTF-8 document
     * @param source where it came from, for messages (e.g. a file name)
     * @return the policy
     * @throws RuleException with {@code RULE_POLICY_INVALID} or {@code RULE_EXPRESSION_INVALID}
     */
    Policy readPolicy(Bytes document, String source);

    /**
     * Creates a policy in code, computing its digest.
     *
     * @param id the policy id
     * @param description what it is for
     * @param predicates the named predicates
     * @param rules the rules
     * @return the policy
     * @throws RuleException with {@code RULE_POLICY_INVALID} or {@code RULE_EXPRESSION_INVALID}
     */
    Policy createPolicy(String id, String description, List<RulePredicate> predicates, List<Rule> rules);

    /**
     * Reads a weights file ({@code rules.yaml}) in YAML or JSON.
     *
     * @param document the UTF-8 document
     * @param source where it came from, for messages
     * @return the weights
     * @throws RuleException with {@code RULE_WEIGHTS_INVALID} for a negative, missing or duplicate cost
     */
    RuleWeights readWeights(Bytes document, String source);

    /**
     * Parses a rule context: a JSON object.
     *
     * @param json the UTF-8 JSON document
     * @return the context
     * @throws RuleException with {@code RULE_CONTEXT_INVALID}, whose cause names the JSON fault
     */
    RuleContext readContext(Bytes json);

    /**
     * Selects the rules of a policy that apply to a context and orders them into a plan.
     *
     * @param policy the policy
     * @param context the context
     * @param selector the selector
     * @return the plan
     * @throws RuleException with {@code RULE_WEIGHTS_INVALID} when weights miss a rule of the policy or
     *     name one it lacks, or {@code RULE_POLICY_INVALID} when the policy's digest does not match it
     */
    RulePlan plan(Policy policy, RuleContext context, RuleSelector selector);

    /**
     * Selects the rules of a policy that apply to a context, in plan order, without building the plan
     * document: the fast path for callers that need only the order. Equal to {@code
     * plan(policy, context, selector).activeRuleIds()}.
     *
     * @param policy the policy
     * @param context the context
     * @param selector the selector
     * @return the ids of the applicable rules, cost ascending then id ascending
     * @throws RuleException as {@link #plan}
     */
    List<String> select(Policy policy, RuleContext context, RuleSelector selector);

    /**
     * Checks the active rules of a plan, in plan order, against the context it was made for.
     *
     * @param plan the plan
     * @param policy the policy the plan was made from
     * @param context the context the plan was made for
     * @return the verdict; skipped rules count as passed
     * @throws RuleException with {@code RULE_PLAN_MISMATCH} when the policy or context digest differs
     *     from the plan's
     */
    RuleVerdict execute(RulePlan plan, Policy policy, RuleContext context);

    /**
     * Evaluates every rule of a policy without selection: each rule whose predicates fire is checked.
     * Gives the same verdict as {@code execute(plan(...))} for any selector.
     *
     * @param policy the policy
     * @param context the context
     * @return the verdict
     */
    RuleVerdict evaluateAll(Policy policy, RuleContext context);

    /**
     * Writes a plan as RFC 8785 canonical JSON, with its {@code plan_digest}.
     *
     * @param plan the plan
     * @return the canonical bytes
     */
    Bytes writePlan(RulePlan plan);
}
