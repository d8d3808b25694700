/**
 * A software KMS provider (id {@code local}) with Ed25519 and ECDSA P-256 keys held in memory or
 * in a directory of PKCS#8 PEM files; for development, tests and the embedded demo.
 */
module dev.idea.kms.local {
    requires transitive dev.idea.spi.kms;
    requires org.bouncycastle.provider;

    exports dev.idea.kms.local;

    provides dev.idea.spi.kms.KmsProvider with dev.idea.kms.local.LocalKmsProvider;
}
