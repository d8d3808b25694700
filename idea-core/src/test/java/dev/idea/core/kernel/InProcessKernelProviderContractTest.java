package dev.idea.core.kernel;

import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.contract.KernelProviderContractTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

class InProcessKernelProviderContractTest extends KernelProviderContractTest {

    @Override
    protected KernelProvider provider() {
        return new InProcessKernelProvider();
    }

    @Override
    protected KernelContext context(Path tempDir) {
        return new KernelContext(Map.of(), tempDir, MutableClock.at(Instant.parse("2026-01-01T00:00:00Z")),
                new JdkSigningKey(SignatureAlgorithm.ED25519));
    }
}
