package dev.idea.core.kernel;

import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.contract.KernelProviderContractTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The kernel contract with an ECDSA P-256 key and no data directory (in-memory registry). */
class InProcessKernelProviderEcdsaContractTest extends KernelProviderContractTest {

    @Override
    protected KernelProvider provider() {
        return new InProcessKernelProvider();
    }

    @Override
    protected KernelContext context(Path tempDir) {
        return new KernelContext(Map.of(InProcessKernelProvider.SIGNER_ID_PROPERTY, "kernel-p256"), null,
                MutableClock.at(Instant.parse("2026-01-01T00:00:00Z")),
                new JdkSigningKey(SignatureAlgorithm.ECDSA_P256_SHA256));
    }
}
