package dev.idea.cli;

import dev.idea.api.Bytes;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.simulation.ReadinessReport;
import dev.idea.api.simulation.RolloutDryRun;
import dev.idea.api.simulation.SimulationSpec;
import dev.idea.api.simulation.Simulations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idea simulate}: runs a seeded Monte Carlo readiness simulation and writes its record, or
 * replays a record and verifies it bit for bit.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a deterministic Monte Carlo readiness simulation of a spec (validators, approvals, rollout plan) "
                + "and writes the result as an in-toto Statement, or replays such a record and verifies it bit for bit.",
            "The same spec and seed give the same bytes with any --threads, on any JVM. The spec format is "
                + "described in docs/simulation.md; samples/simulation/readiness-spec.json is an example."},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {IdeaCommand.EXIT_CODE_0,
            "1:replay did not match the record (IDEA-8004), or the record is inconsistent (IDEA-8005)",
            IdeaCommand.EXIT_CODE_2})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private IdeaCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Mode mode;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed (any 64-bit integer); replaces the spec's own seed.")
    private Long seed;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations; replaces the spec's own count.")
    private Integer iterations;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads to run on (default: the spec's parallelism, or the record's on replay); "
                    + "never changes the result.")
    private Integer threads;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the record here (atomically) and print a summary; without it the record goes to "
                    + "standard output.")
    private Path output;

    static final class Mode {
        @Option(names = "--spec", paramLabel = "FILE", required = true, description = "The simulation spec to run.")
        Path spec;

        @Option(names = "--replay", paramLabel = "FILE", required = true,
                description = "A record written by idea simulate: re-run it and verify every value and digest.")
        Path replay;
    }

    @Override
    public Integer call() {
        Simulations simulations = Idea.simulations();
        PrintWriter out = spec.commandLine().getOut();
        if (mode.replay != null) {
            if (seed != null || iterations != null || output != null) {
                throw new CommandException("--replay takes only --threads: the seed and iterations come from the record");
            }
            Bytes record = FileSupport.readFile(mode.replay, IdeaFormats.MAX_DOCUMENT_BYTES);
            ReadinessReport report = threads == null ? simulations.replay(record) : simulations.replay(record, threads);
            out.println("replay verified: seed " + report.spec().seed() + ", " + report.spec().iterations()
                    + " iterations, resultDigest " + report.reproducibility().resultDigest() + " (bit-identical)");
            return IdeaCommand.EXIT_OK;
        }
        Bytes json = FileSupport.readFile(mode.spec, IdeaFormats.MAX_DOCUMENT_BYTES);
        SimulationSpec simulationSpec = seed == null ? simulations.parseSpec(json) : simulations.parseSpec(json, seed);
        if (iterations != null) {
            simulationSpec = simulationSpec.withIterations(iterations);
        }
        if (threads != null) {
            simulationSpec = simulationSpec.withParallelism(threads);
        }
        ReadinessReport report = simulations.run(simulationSpec);
        Bytes record = simulations.writeRecord(report);
        if (output == null) {
            writeToStdout(record);
        } else {
            FileSupport.writeAtomically(output, record);
            summarize(report, out);
            out.println("wrote " + output);
        }
        return IdeaCommand.EXIT_OK;
    }

    private void writeToStdout(Bytes record) {
        spec.commandLine().getOut().flush();
        OutputStream stdout = parent.stdout();
        try {
            record.writeTo(stdout);
            stdout.write('\n');
            stdout.flush();
        } catch (UncheckedIOException e) {
            throw new CommandException("cannot write to standard output: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new CommandException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    private static void summarize(ReadinessReport r, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "readinessScore %.4f (95%% CI %.4f-%.4f), policyPassPct %.2f (95%% CI %.2f-%.2f)",
                r.readinessScore(), r.readinessScoreInterval().lower(), r.readinessScoreInterval().upper(),
                r.policyPassPct(), r.policyPassPctInterval().lower(), r.policyPassPctInterval().upper()));
        RolloutDryRun rollout = r.rollout();
        out.println(String.format(Locale.ROOT, "rollout: success %.2f%%, rollback %.2f%%, halted %d, expected %.1f min",
                rollout.successPct(), rollout.rollbackPct(), rollout.halted(), rollout.expectedDurationMinutes()));
        for (RolloutDryRun.WaveOutcome w : rollout.waves()) {
            out.println(String.format(Locale.ROOT, "  %-12s %5d targets, failure probability %.4f, expected %.1f min",
                    w.name(), w.targets(), w.failureProbability(), w.expectedDurationMinutes()));
        }
        out.println("seed " + r.spec().seed() + ", " + r.spec().iterations() + " iterations, "
                + r.spec().parallelism() + " threads, resultDigest " + r.reproducibility().resultDigest());
    }
}
