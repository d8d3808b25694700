package dev.idea.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaException;
import dev.idea.api.Impact;
import dev.idea.api.SignatureAlgorithm;
import dev.idea.spi.kernel.AppliedUpgradeRecord;
import dev.idea.spi.kernel.Kernel;
import dev.idea.spi.kernel.KernelContext;
import dev.idea.spi.kernel.UpgradeApplyRequest;
import dev.idea.spi.kernel.UpgradeDraft;
import dev.idea.spi.kernel.UpgradeDraftRequest;
import dev.idea.spi.kernel.UpgradeRollbackRecord;
import dev.idea.spi.kernel.UpgradeRollbackRequest;
import dev.idea.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process kernel's upgrade ledger: idempotent, durable across re-opening, and strict about what it applies. */
class InProcessKernelUpgradeTest {
    private static final Digest MANIFEST = Digest.sha256(Bytes.utf8("manifest"));
    private static final String UPGRADE = "up-0123456789abcdef01234567";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:00:00Z"));
    private final JdkSigningKey key = new JdkSigningKey(SignatureAlgorithm.ED25519);

    private Kernel open(Path dataDir) {
        return new InProcessKernelProvider().open(new KernelContext(Map.of(), dataDir, clock, key));
    }

    private static UpgradeDraftRequest draftRequest(Digest digest) {
        return new UpgradeDraftRequest(UPGRADE, "mf-1", digest, "msig_1", Impact.HIGH, "alice");
    }

    @Test
    void upgradeCalls_repeatedAfterReopen_returnTheFirstRecords() {
        UpgradeDraft draft;
        AppliedUpgradeRecord applied;
        UpgradeRollbackRecord rolledBack;
        try (Kernel kernel = open(dir)) {
            draft = kernel.createUpgradeDraft(draftRequest(MANIFEST));
            clock.advance(Duration.ofMinutes(1));
            applied = kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, draft.draftRef(), MANIFEST, true, List.of(), "ops"));
            clock.advance(Duration.ofMinutes(1));
            rolledBack = kernel.rollbackUpgrade(new UpgradeRollbackRequest(UPGRADE, applied.applicationId(), MANIFEST, "lapsed"));
        }
        clock.advance(Duration.ofHours(1));
        try (Kernel kernel = open(dir)) {
            assertThat(kernel.createUpgradeDraft(draftRequest(MANIFEST))).isEqualTo(draft);
            assertThat(kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, draft.draftRef(), MANIFEST, true, List.of(), "ops")))
                    .isEqualTo(applied);
            assertThat(kernel.rollbackUpgrade(new UpgradeRollbackRequest(UPGRADE, applied.applicationId(), MANIFEST, "again")))
                    .isEqualTo(rolledBack);
        }
        assertThat(applied.appliedAt()).isEqualTo(Instant.parse("2026-11-23T10:01:00Z"));
        assertThat(applied.emergency()).isTrue();
        assertThat(rolledBack.rolledBackAt()).isEqualTo(Instant.parse("2026-11-23T10:02:00Z"));
    }

    @Test
    void upgradeCalls_withoutDataDirectory_workInMemory() {
        try (Kernel kernel = open(null)) {
            UpgradeDraft d = kernel.createUpgradeDraft(draftRequest(MANIFEST));
            AppliedUpgradeRecord a = kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, d.draftRef(), MANIFEST, false,
                    List.of("bob", "carol", "dave"), "ops"));
            assertThat(a.draftRef()).isEqualTo(d.draftRef());
            assertThat(a.manifestDigest()).isEqualTo(MANIFEST);
        }
    }

    @Test
    void upgradeCalls_inconsistentRequests_areRefused() {
        try (Kernel kernel = open(dir)) {
            assertCode(() -> kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, "draft-x", MANIFEST, false, List.of(), "ops")),
                    "has no draft");
            UpgradeDraft d = kernel.createUpgradeDraft(draftRequest(MANIFEST));
            Digest other = Digest.sha256(Bytes.utf8("other"));
            assertCode(() -> kernel.createUpgradeDraft(draftRequest(other)), "was drafted for manifest");
            assertCode(() -> kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, d.draftRef(), other, false, List.of(), "ops")),
                    "was drafted as");
            assertCode(() -> kernel.rollbackUpgrade(new UpgradeRollbackRequest(UPGRADE, "app-x", MANIFEST, "r")),
                    "never applied");
            AppliedUpgradeRecord a = kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, d.draftRef(), MANIFEST, false,
                    List.of(), "ops"));
            assertCode(() -> kernel.rollbackUpgrade(new UpgradeRollbackRequest(UPGRADE, a.applicationId() + "x", MANIFEST,
                    "r")), "was applied as");
        }
    }

    @Test
    void ledger_tornLastLine_isIgnoredAndCutOffByTheNextAppend() throws Exception {
        UpgradeDraft d;
        try (Kernel kernel = open(dir)) {
            d = kernel.createUpgradeDraft(draftRequest(MANIFEST));
        }
        Files.writeString(dir.resolve("kernel").resolve(UpgradeLedger.FILE_NAME), "apply " + UPGRADE + " app-torn",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Kernel kernel = open(dir)) {
            assertCode(() -> kernel.rollbackUpgrade(new UpgradeRollbackRequest(UPGRADE, "app-torn", MANIFEST, "r")),
                    "never applied");
            kernel.applyUpgrade(new UpgradeApplyRequest(UPGRADE, d.draftRef(), MANIFEST, false, List.of(), "ops"));
        }
        String ledger = Files.readString(dir.resolve("kernel").resolve(UpgradeLedger.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(ledger).doesNotContain("app-torn").endsWith("\n");
        assertThat(ledger.lines()).hasSize(3).first().isEqualTo(UpgradeLedger.HEADER);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
        assertThatThrownBy(call).isInstanceOf(IdeaException.class).hasMessageContaining(text)
                .satisfies(e -> assertThat(((IdeaException) e).errorCode()).isEqualTo(ErrorCode.UPGRADE_STATE_INVALID));
    }
}
