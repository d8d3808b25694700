package dev.idea.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code idea audit}: the audit log's transparency-log commands ({@code export}, {@code verify-bundle},
 * {@code verify}, {@code prove}, {@code jsonl}).
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "Audit log: evidence bundles, replay verification, Merkle proofs, SIEM export.",
        subcommands = {AuditExportCommand.class, AuditVerifyBundleCommand.class, AuditVerifyCommand.class,
            AuditProveCommand.class, AuditJsonlCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {IdeaCommand.EXIT_CODE_0, IdeaCommand.EXIT_CODE_1, IdeaCommand.EXIT_CODE_2})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: export, verify-bundle, verify, prove or jsonl");
    }
}
