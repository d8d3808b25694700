package dev.idea.cli;

import dev.idea.api.Idea;
import dev.idea.api.ValidationCheck;
import dev.idea.api.ValidationFinding;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code idea validate --package FILE [--out REPORT]}: validates a package without recording anything
 * and prints a summary: the built-in checks, then each validator's status and findings located by file
 * and line. The report (a DSSE envelope around an in-toto statement, signed with the data directory's
 * signing key) is written to {@code --out}.
 *
 * <p>Exit codes: 0 the package passed, 1 it failed (a validator failed, errored or timed out), 2 it
 * was refused outright (empty, too large, hostile or corrupt archive) or the command failed.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validates a package (size, checksum, safe unpacking, and the validators configured for its type) "
                + "without recording anything, prints a summary and optionally writes the signed report.",
            "Validators and their settings come from --config, a properties file of idea.validation.* keys, e.g. "
                + "idea.validation.service-release.validators=license,secrets."},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {"0:the package passed validation", "1:the package failed validation",
            "2:the package was refused (empty, too large, hostile or corrupt archive) or another error"})
final class ValidateCommand implements Callable<Integer> {
    /** Exit code of a package that failed validation. */
    static final int EXIT_FAILED = 1;

    private static final int MAX_FINDINGS_SHOWN = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--package", required = true, paramLabel = "FILE", description = "The package: tar.gz, tar, zip or a plain file.")
    private Path packageFile;

    @Option(names = "--out", paramLabel = "REPORT", description = "Write the report (DSSE envelope JSON) to this file.")
    private Path out;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "service-release",
            description = "Package type selecting the validators (default: ${DEFAULT-VALUE}).")
    private String type;

    @Option(names = "--config", paramLabel = "PROPERTIES",
            description = "Properties file with idea.validation.* settings (validators per type and their settings).")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory holding the signing key (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Override
    public Integer call() {
        Idea.Builder builder = EmbeddedDefaults.builder(dataDirectory);
        loadConfig().forEach(builder::property);
        ValidationReport report;
        try (Idea idea = builder.build()) {
            report = idea.validate(packageFile, type);
        }
        if (out != null) {
            FileSupport.writeAtomically(out, Idea.formats().writeEnvelope(report.envelope()));
        }
        print(report, spec.commandLine().getOut());
        return report.passed() ? IdeaCommand.EXIT_OK : EXIT_FAILED;
    }

    private TreeMap<String, String> loadConfig() {
        TreeMap<String, String> values = new TreeMap<>();
        if (config == null) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandException("cannot read --config " + config + ": " + e.getMessage()
                    + "; pass a UTF-8 properties file of idea.validation.* keys");
        }
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    private void print(ValidationReport report, PrintWriter w) {
        w.println("package: " + packageFile + " (" + report.format() + ", " + report.entries() + " entries, "
                + report.size() + " bytes)");
        w.println("digest: " + report.packageDigest());
        for (ValidationCheck c : report.checks()) {
            w.println("check " + c.name() + ": " + (c.passed() ? "passed" : "FAILED") + " - " + c.detail());
        }
        if (report.validators().isEmpty()) {
            w.println("validators: none configured for type " + type);
        }
        for (ValidatorResult v : report.validators()) {
            w.println("validator " + v.id() + " " + v.version() + ": " + v.status()
                    + (v.detail().isEmpty() ? "" : " - " + v.detail()));
            v.findings().stream().limit(MAX_FINDINGS_SHOWN).forEach(f -> w.println("  " + describe(f)));
            if (v.findings().size() > MAX_FINDINGS_SHOWN) {
                w.println("  ... and " + (v.findings().size() - MAX_FINDINGS_SHOWN) + " more findings in the report");
            }
            if (!v.reasons().isEmpty()) {
                w.println("  reasons: " + String.join(", ", v.reasons()));
            }
        }
        w.println("report digest: " + report.reportDigest() + (out == null ? "" : ", written to " + out));
        w.println("result: " + (report.passed() ? "PASSED" : "FAILED"));
    }

    private static String describe(ValidationFinding f) {
        String where = f.path().isEmpty() ? "(package)" : f.path();
        if (f.line() > 0) {
            where += ":" + f.line();
        } else if (f.offset() >= 0) {
            where += "@" + f.offset();
        }
        return f.severity() + " " + where + " " + f.rule() + ": " + f.message();
    }
}
