package dev.idea.cli;

import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.Manifest;
import dev.idea.api.SignedManifest;
import dev.idea.api.VerificationException;
import dev.idea.api.VerificationKey;
import dev.idea.api.VerifiedEnvelope;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code idea verify FILE}: verifies a signed manifest file against the kernel's signer registry of a
 * data directory or, with {@code --public-key}, offline against one trusted public key.
 *
 * <p>Security guarantees: the file's {@code signerId} and the envelope's {@code keyid} are hints
 * only. Online, the kernel's registry decides which key the signer id names and whether it is
 * revoked; offline, only the given key is trusted. Either way the manifest printed is parsed from
 * the verified payload, and a payload that is not the manifest's canonical JSON is refused.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies a signed manifest file (as written by 'idea demo' to DIR/manifests/) and prints its "
                + "manifest id, digest and signer.",
            "Without --public-key the signature is checked against the kernel signer registry of the data "
                + "directory; with --public-key it is checked offline against that key alone."},
        exitCodeListHeading = IdeaCommand.EXIT_CODES_HEADING,
        exitCodeList = {IdeaCommand.EXIT_CODE_0, IdeaCommand.EXIT_CODE_1, IdeaCommand.EXIT_CODE_2})
final class VerifyCommand implements Callable<Integer> {

    /** Largest PEM file read. */
    private static final int MAX_PEM_BYTES = 64 * 1024;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed manifest file.")
    private Path file;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = EmbeddedDefaults.DATA_DIRECTORY,
            description = "Data directory whose kernel signer registry decides (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "Verify offline against this PEM public key (SubjectPublicKeyInfo, Ed25519 or ECDSA P-256).")
    private Path publicKey;

    @Override
    public Integer call() {
        IdeaFormats formats = Idea.formats();
        SignedManifest signed = formats.readSignedManifest(FileSupport.readFile(file, IdeaFormats.MAX_DOCUMENT_BYTES));
        PrintWriter out = spec.commandLine().getOut();
        Manifest manifest;
        String how;
        if (publicKey != null) {
            VerificationKey key = formats.readPublicKeyPem(
                    FileSupport.readFile(publicKey, MAX_PEM_BYTES).utf8String());
            VerifiedEnvelope verified = formats.verifyEnvelope(signed.envelope(), Manifest.PAYLOAD_TYPE, List.of(key), 1);
            manifest = formats.parseManifest(verified.payload());
            requireCanonical(formats, manifest, Digest.sha256(verified.payload()));
            how = "offline, against " + publicKey + " (" + key.algorithm() + ", " + key.keyId() + ")";
        } else {
            requireDataDirectory();
            try (Idea idea = EmbeddedDefaults.builder(dataDirectory).build()) {
                manifest = idea.verify(signed);
            }
            how = "against the kernel signer registry of " + dataDirectory;
        }
        out.println("manifest: " + manifest.manifestId() + " (" + manifest.target() + " " + manifest.version() + ")");
        out.println("digest: " + formats.manifestDigest(manifest));
        out.println("signer: " + signed.signerId() + ", manifestSignatureId " + signed.manifestSignatureId());
        out.println("signature verified: " + how);
        return IdeaCommand.EXIT_OK;
    }

    /** The signed bytes must be exactly the manifest's canonical form, or the digest would not name them. */
    private static void requireCanonical(IdeaFormats formats, Manifest manifest, Digest payloadDigest) {
        Digest canonical = formats.manifestDigest(manifest);
        if (!canonical.equals(payloadDigest)) {
            throw new VerificationException(ErrorCode.MANIFEST_MISMATCH, "the signed payload (" + payloadDigest
                    + ") is not the canonical JSON of the manifest it holds (" + canonical
                    + "); re-sign the manifest's canonical form");
        }
    }

    /** Building on a missing directory would create an empty one with a fresh key: say what is wrong instead. */
    private void requireDataDirectory() {
        if (!Files.isDirectory(dataDirectory)) {
            throw new CommandException("data directory " + dataDirectory.toAbsolutePath().normalize()
                    + " does not exist; pass --data-dir DIR where 'idea demo' ran, or verify offline with --public-key PEM");
        }
    }
}
