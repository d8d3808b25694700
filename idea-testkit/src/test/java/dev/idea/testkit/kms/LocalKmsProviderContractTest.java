package dev.idea.testkit.kms;

import dev.idea.api.SignatureAlgorithm;
import dev.idea.kms.local.LocalKms;
import dev.idea.kms.local.LocalKmsProvider;
import dev.idea.spi.kms.KeyRef;
import dev.idea.spi.kms.KmsContext;
import dev.idea.spi.kms.KmsProvider;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.contract.KmsProviderContractTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The local software KMS, opened from a key directory through ServiceLoader settings, passes the KMS kit. */
class LocalKmsProviderContractTest extends KmsProviderContractTest {
    private static final KeyRef ED = KeyRef.of("release-ed25519");
    private static final KeyRef EC = KeyRef.of("release-p256");

    @Override
    protected KmsProvider provider() {
        return new LocalKmsProvider();
    }

    @Override
    protected KmsContext context(Path tempDir) {
        Path keys = tempDir.resolve("keys");
        LocalKms kms = LocalKms.open(keys, null);
        kms.createKey(ED, SignatureAlgorithm.ED25519);
        kms.createKey(EC, SignatureAlgorithm.ECDSA_P256_SHA256);
        kms.close();
        return new KmsContext(Map.of("idea.kms.local.directory", keys.toString()), tempDir,
                MutableClock.at(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Override
    protected List<KeyRef> keys() {
        return List.of(ED, EC);
    }
}
