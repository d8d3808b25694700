package dev.idea.cli;

import dev.idea.api.Bytes;
import dev.idea.api.rules.Policy;
import dev.idea.api.rules.RuleContext;
import dev.idea.api.rules.RulePlan;
import dev.idea.api.rules.RulePlanner;
import dev.idea.api.rules.RuleSelector;
import dev.idea.api.rules.RuleVerdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code proof adapt}: selects the rules of a policy that apply to a context, writes the plan as RFC
 * 8785 JSON, and unless {@code --dry-run} checks the active rules in plan order.
 */
@Command(name = "adapt",
        mixinStandardHelpOptions = true,
        description = {
            "Plans the rules of a policy for one JSON context: the rules whose predicates fire, ordered by cost "
                + "then id, with the reasons, the skipped rules and the plan digest (docs/rules.md).",
            "Without --dry-run the plan's rules are then checked against the context; a failed rule exits with 1."},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {ProofCommand.EXIT_CODE_0, ProofCommand.EXIT_CODE_1, IdeaCommand.EXIT_CODE_2})
final class AdaptCommand implements Callable<Integer> {
    /** Largest policy, weights or context file read. */
    static final int MAX_INPUT_BYTES = 1 << 20;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ProofCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PolicySource policySource;

    static final class PolicySource {
        @Option(names = "--policy", paramLabel = "ID", description = "A built-in policy: lksg.v1, human-approval.v1.")
        String id;

        @Option(names = "--policy-file", paramLabel = "FILE", description = "A policy file, YAML or JSON.")
        Path file;
    }

    @Option(names = "--context", required = true, paramLabel = "FILE",
            description = "The context, a JSON object, or - for standard input.")
    private String context;

    @Option(names = "--selector", paramLabel = "basic|weighted", defaultValue = "basic",
            description = "basic: the policy's costs (default); weighted: costs from --weights.")
    private String selector;

    @Option(names = "--weights", paramLabel = "FILE", description = "The weights file (rules.yaml) for --selector weighted.")
    private Path weights;

    @Option(names = "--dry-run", description = "Make and write the plan only; do not check the rules.")
    private boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the plan here (default: standard output) and print a summary instead.")
    private Path output;

    @Override
    public Integer call() {
        RulePlanner planner = RulePlanner.create();
        Policy policy = policySource.id != null
                ? planner.policy(policySource.id)
                : planner.readPolicy(FileSupport.readFile(policySource.file, MAX_INPUT_BYTES), policySource.file.toString());
        RuleContext ruleContext = planner.readContext("-".equals(context)
                ? FileSupport.readBounded(parent.stdin(), MAX_INPUT_BYTES, "standard input")
                : FileSupport.readFile(Path.of(context), MAX_INPUT_BYTES));
        RulePlan plan = planner.plan(policy, ruleContext, selector(planner));
        Bytes json = planner.writePlan(plan);
        RuleVerdict verdict = dryRun ? null : planner.execute(plan, policy, ruleContext);
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            FileSupport.writeAtomically(output, json);
            out.println("plan " + plan.planDigest() + " written to " + output);
            out.println("policy " + plan.policyId() + " (" + plan.policyDigest() + "), selector " + plan.selector()
                    + ": " + plan.activeRules().size() + " active, " + plan.skippedRules().size() + " skipped, cost_sum "
                    + plan.costSum());
            out.println("active: " + String.join(", ", plan.activeRuleIds()));
            if (verdict != null) {
                out.println(verdict.passed() ? "verdict: passed" : "verdict: failed: " + String.join(", ", verdict.failedRules()));
            }
        } else {
            writeRaw(json);
            out.println();
            if (verdict != null && !verdict.passed()) {
                spec.commandLine().getErr().println("verdict: failed: " + String.join(", ", verdict.failedRules()));
            }
        }
        out.flush();
        return verdict == null || verdict.passed() ? ProofCommand.EXIT_OK : ProofCommand.EXIT_RULES_FAILED;
    }

    private RuleSelector selector(RulePlanner planner) {
        switch (selector) {
            case "basic":
                if (weights != null) {
                    throw new ParameterException(spec.commandLine(), "--weights is used only with --selector weighted");
                }
                return RuleSelector.basic();
            case "weighted":
                if (weights == null) {
                    throw new ParameterException(spec.commandLine(), "--selector weighted needs --weights FILE (rules.yaml)");
                }
                return RuleSelector.weighted(planner.readWeights(FileSupport.readFile(weights, MAX_INPUT_BYTES), weights.toString()));
            default:
                throw new ParameterException(spec.commandLine(), "--selector must be basic or weighted, got \"" + selector + "\"");
        }
    }

    private void writeRaw(Bytes json) {
        spec.commandLine().getOut().flush();
        OutputStream stream = parent.stdout();
        try {
            json.writeTo(stream);
            stream.flush();
        } catch (UncheckedIOException e) {
            throw new CommandException("cannot write to standard output: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new CommandException("cannot write to standard output: " + e.getMessage(), e);
        }
    }
}
