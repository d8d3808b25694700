package dev.idea.testkit.kernel;

import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.KernelProvider;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.contract.KernelProviderContractTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

class FakeKernelProviderContractTest extends KernelProviderContractTest {

    @Override
    protected KernelProvider provider() {
        return new FakeKernelProvider();
    }

    @Override
    protected KernelContext context(Path tempDir) {
        return new KernelContext(Map.of(), tempDir, MutableClock.at(Instant.parse("2026-01-01T00:00:00Z")), null);
    }
}
