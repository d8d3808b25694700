package dev.idea.cli;

import dev.idea.api.Idea;
import java.nio.file.Path;

/**
 * The embedded configuration the demo and {@code verify} run on: filesystem storage and the
 * in-process kernel in one data directory, the local KMS generating a missing Ed25519 signing key.
 *
 * <p>Security guarantees: none beyond a development setup. The local KMS keeps software keys under
 * the data directory; production hosts choose a real KMS and kernel.
 */
final class EmbeddedDefaults {

    /** Default data directory, relative to the working directory. */
    static final String DATA_DIRECTORY = "idea-data";

    /** Id of the KMS provider from {@code idea-kms-local}. */
    static final String KMS_ID = "local";

    /** The KMS key the kernel signs manifests with. */
    static final String SIGNING_KEY_REF = "release-signer";

    /** Where {@code demo} writes signed manifest files, under the data directory. */
    static final String MANIFESTS_DIRECTORY = "manifests";

    /** Where {@code demo} writes the signer's public key, under the data directory. */
    static final String PUBLIC_KEYS_DIRECTORY = "public-keys";

    private EmbeddedDefaults() {
    }

    /**
     * Returns a builder with the embedded defaults.
     *
     * @param dataDirectory the data directory
     * @return a builder; callers may add providers before building
     */
    static Idea.Builder builder(Path dataDirectory) {
        return Idea.builder()
                .dataDirectory(dataDirectory)
                .kms(KMS_ID)
                .property("idea.kms.local.generate-missing", "ed25519")
                .property("idea.kernel.key-ref", SIGNING_KEY_REF);
    }
}
