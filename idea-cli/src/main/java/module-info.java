/**
 * The {@code idea} command line: the end-to-end demo, RFC 8785 canonical JSON and signed-manifest
 * verification. An application, not a library: it exports no package.
 */
module dev.idea.cli {
    requires dev.idea.api;
    requires dev.idea.spi.kms;
    requires info.picocli;

    opens dev.idea.cli to info.picocli;

    uses dev.idea.spi.kms.KmsProvider;
}
