package dev.idea.samples;

import dev.idea.api.ChainVerification;
import dev.idea.api.Idea;
import dev.idea.api.PackageSubmission;
import dev.idea.api.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host application embedding IDEA: it builds an instance on a temporary data directory with the
 * local KMS, submits one package, prints the kernel's {@code manifestSignatureId} and verifies the
 * audit chain.
 *
 * <p>Run it with {@code java dev.idea.samples.EmbeddingExample [PACKAGE [DATA_DIRECTORY]]}; without
 * arguments it releases the sample package {@code samples/packages/hello-service-1.0.0.tar.gz} into a
 * new temporary directory. The README's
 * embedding snippet is the part between the {@code tag::embedding} markers, kept identical by
 * {@code EmbeddingExampleTest}.
 *
 * @since 0.1
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs the example.
     *
     * @param args optionally, the package file to release and the data directory
     * @throws IOException when the temporary data directory cannot be created
     */
    public static void main(String[] args) throws IOException {
        Path packageFile = args.length > 0 ? Path.of(args[0]) : samplePackage();
        Path dataDirectory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("idea-example-");
        release(dataDirectory, packageFile);
    }

    /**
     * Releases one package and verifies the audit chain.
     *
     * @param dataDirectory where storage, keys and the audit chain live
     * @param packageFile the package to release
     * @return the kernel's manifestSignatureId
     */
    static String release(Path dataDirectory, Path packageFile) {
        // tag::embedding[]
        try (Idea idea = Idea.builder()
                .dataDirectory(dataDirectory)          // filesystem storage and in-process kernel live here
                .kms("local")                          // software keys for development; use a real KMS in production
                .property("idea.kms.local.generate-missing", "ed25519")
                .property("idea.kernel.key-ref", "release-signer")
                .build()) {
            Release release = idea.submit(PackageSubmission.ofPath(packageFile)
                    .target("hello-service")
                    .version("1.0.0")
                    .rationale("first release of hello-service")
                    .proposedBy("alice")
                    .build());
            System.out.println("manifestSignatureId: " + release.manifestSignatureId());

            ChainVerification chain = idea.verifyAuditChain(); // throws AuditChainException if tampered
            System.out.println("audit chain verified: " + chain.eventCount() + " events");
            return release.manifestSignatureId();
        }
        // end::embedding[]
    }

    /** The sample package, from the repository root or from the samples module directory. */
    private static Path samplePackage() {
        Path fromRoot = Path.of("samples", "packages", "hello-service-1.0.0.tar.gz");
        return Files.isRegularFile(fromRoot) ? fromRoot : Path.of("packages", "hello-service-1.0.0.tar.gz");
    }
}
