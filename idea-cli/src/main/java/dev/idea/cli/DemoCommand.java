package dev.idea.cli;

import dev.idea.api.AuditEvent;
import dev.idea.api.AuditEventType;
import dev.idea.api.Bytes;
import dev.idea.api.ChainVerification;
import dev.idea.api.Digest;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.Manifest;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import dev.idea.api.SignedManifest;
import dev.idea.api.ValidationCheck;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import dev.idea.api.VerificationKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code idea demo}: runs the release pipeline on the sample package with the embedded defaults and
 * prints each step, ending with the verified audit chain.
 *
 * <p>Each run extends the same chain in the data directory: the version gets a build suffix
 * ({@code 1.0.0+demo.N}), the manifest a new timestamp and the previous manifest's digest.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the release pipeline on the sample package with embedded defaults (filesystem storage, "
                + "in-process kernel, local KMS): submit, validate, create and sign the manifest, verify the "
                + "signature and the whole audit chain.",
            "Run it again to extend the same chain. Writes the signed manifest to DIR/manifests/<id>.json "
                + "and the signer's public key to DIR/public-keys/release-signer.pem."},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {IdeaCommand.EXIT_CODE_0, IdeaCommand.EXIT_CODE_1, IdeaCommand.EXIT_CODE_2})
final class DemoCommand implements Callable<Integer> {

    /** Audit events read per call while counting earlier demo runs. */
    private static final int PAGE = 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory of storage, keys and audit chain (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Option(names = "--package", paramLabel = "FILE",
            description = "Package to release instead of samples/packages/hello-service-1.0.0.tar.gz.")
    private Path packageFile;

    /**
     * The built-in validators the demo runs: all ten, including {@code smoke}, which runs the sample
     * package's {@code bin/start.sh}; its outcome keeps the report reproducible because that command
     * is deterministic.
     */
    static final String DEMO_VALIDATORS = "format,size,checksum,license,sbom,dependencies,secrets,pii,export-control,smoke";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path pkg = packageFile != null ? packageFile : SamplePackage.locate(Path.of(""));
        RecordingKmsProvider kms = RecordingKmsProvider.wrapping(EmbeddedDefaults.KMS_ID);
        out.println("data directory: " + dataDirectory.toAbsolutePath().normalize());
        try (Idea idea = EmbeddedDefaults.builder(dataDirectory).provider(kms)
                .property("idea.validation.service-release.validators", DEMO_VALIDATORS).build()) {
            long run = countSubmissions(idea) + 1;
            Release release = idea.submit(PackageSubmission.ofPath(pkg)
                    .target(SamplePackage.TARGET)
                    .version(SamplePackage.VERSION + "+demo." + run)
                    .rationale("idea demo, run " + run)
                    .proposedBy("idea-demo")
                    .build());
            printRelease(out, pkg, release);

            SignedManifest signed = release.signedManifest();
            idea.verify(signed);
            out.println("signature verified: against the kernel's signer registry");

            IdeaFormats formats = Idea.formats();
            Path manifestFile = dataDirectory.resolve(EmbeddedDefaults.MANIFESTS_DIRECTORY)
                    .resolve(fileName(release.manifest().manifestId()) + ".json");
            FileSupport.writeAtomically(manifestFile, formats.writeSignedManifest(signed));
            out.println("signed manifest written: " + manifestFile);

            VerificationKey key = kms.publicKey(EmbeddedDefaults.SIGNING_KEY_REF);
            Path keyFile = dataDirectory.resolve(EmbeddedDefaults.PUBLIC_KEYS_DIRECTORY)
                    .resolve(EmbeddedDefaults.SIGNING_KEY_REF + ".pem");
            FileSupport.writeAtomically(keyFile, Bytes.utf8(formats.writePublicKeyPem(key)));
            out.println("signer public key written: " + keyFile + " (" + key.algorithm() + ", " + key.keyId() + ")");

            ChainVerification chain = idea.verifyAuditChain();
            out.println("audit chain verified: " + chain.eventCount() + " events");
        }
        return IdeaCommand.EXIT_OK;
    }

    private static void printRelease(PrintWriter out, Path pkg, Release release) {
        ValidationReport report = release.validation();
        Manifest manifest = release.manifest();
        long passed = report.checks().stream().filter(ValidationCheck::passed).count();
        out.println("submitted: " + pkg.getFileName() + ", " + report.size() + " bytes, " + report.packageDigest());
        out.println("validated: " + report.format() + ", " + report.entries() + " entries, " + passed + "/"
                + report.checks().size() + " checks passed, report " + report.reportDigest());
        for (ValidatorResult v : report.validators()) {
            out.println("  validator " + v.id() + " " + v.version() + ": " + v.status() + " ("
                    + v.findings().size() + (v.findings().size() == 1 ? " finding)" : " findings)"));
        }
        out.println("manifest created: " + manifest.manifestId() + " (" + manifest.target() + " " + manifest.version()
                + ", " + manifest.timestamp() + "), digest " + release.manifestDigest());
        Digest previous = manifest.previousManifestDigest();
        out.println("  previous manifest: " + (previous == null
                ? "none (first release of " + manifest.target() + ")" : previous.toString()));
        out.println("signed: signer " + release.signedManifest().signerId() + ", manifestSignatureId "
                + release.manifestSignatureId());
        out.println("audit events appended: " + release.auditEvents().stream()
                .map(e -> e.seq() + " " + e.type().wireName()).toList());
    }

    /** Counts earlier submissions in the chain, so that each demo run releases a new version. */
    private static long countSubmissions(Idea idea) {
        long count = 0;
        long next = 0;
        while (true) {
            List<AuditEvent> page = idea.auditEvents(next, PAGE);
            if (page.isEmpty()) {
                return count;
            }
            count += page.stream().filter(e -> e.type() == AuditEventType.SUBMIT).count();
            next = page.get(page.size() - 1).seq() + 1;
        }
    }

    /** Manifest ids are generated by the library; keep the file name portable whatever they contain. */
    static String fileName(String manifestId) {
        String name = manifestId.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
