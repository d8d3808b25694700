package dev.idea.cli;

import dev.idea.api.EvidenceVerification;
import dev.idea.api.Idea;
import dev.idea.api.NoteKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code idea audit verify-bundle FILE}: verifies an evidence bundle offline (no storage, no network). */
@Command(name = "verify-bundle", mixinStandardHelpOptions = true,
        description = "Verifies an evidence bundle offline: event hashes, inclusion proofs, the checkpoint signature "
                + "and the manifest signature. Without --log-key the key in the bundle is used and printed: compare it "
                + "with the key you trust.")
final class AuditVerifyBundleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (gzip JSON).")
    private Path bundle;

    @Option(names = "--log-key", paramLabel = "VKEY", description = "Trusted checkpoint key, name+keyid+base64 (repeatable).")
    private List<String> logKeys = new ArrayList<>();

    @Override
    public Integer call() {
        List<NoteKey> keys = logKeys.stream().map(NoteKey::parse).toList();
        EvidenceVerification v;
        try (InputStream in = Files.newInputStream(bundle)) {
            v = Idea.formats().verifyEvidenceBundle(in, keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bundle, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("manifest: " + v.manifestId() + ", manifestSignatureId " + v.manifestSignatureId());
        out.println("events proven: " + v.eventCount() + " in tree of " + v.checkpoint().treeSize() + " (root "
                + v.checkpoint().rootHash() + ")");
        out.println("checkpoint key: " + v.logKey() + (keys.isEmpty() ? " (from the bundle: compare it with the key you trust)" : ""));
        out.println("manifest signer key: " + v.manifestSignerKeyId());
        out.println("bundle verified");
        return IdeaCommand.EXIT_OK;
    }
}
