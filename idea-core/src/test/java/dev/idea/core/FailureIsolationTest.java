package dev.idea.core;

import static dev.idea.core.IdeaPipelineTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.Release;
import dev.idea.spi.storage.Storage;
import dev.idea.spi.storage.StorageContext;
import dev.idea.spi.storage.StorageProvider;
import dev.idea.testkit.MutableClock;
import dev.idea.testkit.kernel.FakeKernel;
import dev.idea.testkit.kernel.FakeKernelProvider;
import dev.idea.testkit.storage.InMemoryStorageProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A failure at any step of a submission leaves no audit event and no manifest history behind. */
class FailureIsolationTest {
    private final FakeKernel kernel = new FakeKernel();
    private final InMemoryStorageProvider memory = new InMemoryStorageProvider();
    private final AtomicBoolean failNextAppend = new AtomicBoolean();

    private Idea idea(Duration timeout) {
        return Idea.builder()
                .provider(new FlakyStorageProvider())
                .storage("flaky")
                .provider(new FakeKernelProvider(kernel))
                .kernel("fake")
                .clock(MutableClock.at(Instant.parse("2026-11-23T10:00:00Z")))
                .environment(Map.of())
                .providerTimeout(timeout)
                .build();
    }

    private static dev.idea.api.PackageSubmission pkg(String version) {
        return IdeaPipelineTest.submission(TestPackages.service(), version);
    }

    @Test
    void submit_kernelFails_recordsNothingAndTheNextSubmissionStartsTheHistory() {
        try (Idea idea = idea(Duration.ofSeconds(10))) {
            kernel.failNextCall(ErrorCode.PROVIDER_FAILURE);
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.PROVIDER_FAILURE);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();

            Release next = idea.submit(pkg("1.0.0"));
            assertThat(next.manifest().previousManifestDigest()).isNull();
            assertThat(next.auditEvents().get(0).seq()).isZero();
        }
    }

    @Test
    void submit_kernelReturnsAWrongSignature_isRefusedAndRecordsNothing() {
        try (Idea idea = idea(Duration.ofSeconds(10))) {
            kernel.returnWrongSignatures(true);
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.KERNEL_SIGNATURE_INVALID);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();
        }
    }

    @Test
    void submit_kernelNamesAnUnregisteredSigner_isRefusedAsUnknownSigner() {
        try (Idea idea = idea(Duration.ofSeconds(10))) {
            kernel.reportSignerId("ghost");
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.SIGNER_UNKNOWN);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();
        }
    }

    @Test
    void submit_kernelSignerRevoked_isRefused() {
        try (Idea idea = idea(Duration.ofSeconds(10))) {
            kernel.revokeSigner();
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.SIGNER_REVOKED);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();
        }
    }

    @Test
    void submit_kernelTooSlow_timesOutAndRecordsNothing() {
        try (Idea idea = idea(Duration.ofMillis(200))) {
            kernel.delayEachCall(Duration.ofSeconds(5));
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.PROVIDER_TIMEOUT);
            kernel.delayEachCall(Duration.ZERO);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();
        }
    }

    @Test
    void submit_storageFailsToStoreThePackage_recordsNothing() {
        try (Idea idea = idea(Duration.ofSeconds(10))) {
            memory.failNextWrite();
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.STORAGE_IO);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();
        }
    }

    @Test
    void submit_auditAppendFails_leavesNeitherEventsNorTargetHistory() {
        try (Idea idea = idea(Duration.ofSeconds(10))) {
            failNextAppend.set(true);
            assertCode(() -> idea.submit(pkg("1.0.0")), ErrorCode.STORAGE_IO);
            assertThat(idea.verifyAuditChain().eventCount()).isZero();

            Release retried = idea.submit(pkg("1.0.0"));
            assertThat(retried.manifest().previousManifestDigest()).isNull();
            assertThat(idea.verifyAuditChain().eventCount()).isEqualTo(4);
        }
    }

    /** In-memory storage whose audit log can be told to fail its next append, as a disk or database would. */
    private final class FlakyStorageProvider implements StorageProvider {
        @Override
        public String id() {
            return "flaky";
        }

        @Override
        public Storage open(StorageContext context) {
            return new FailingStorage(memory.open(context), name -> failNextAppend.getAndSet(false));
        }
    }
}
