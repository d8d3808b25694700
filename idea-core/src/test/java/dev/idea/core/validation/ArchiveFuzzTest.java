package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idea.api.Bytes;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the archive reader with Jazzer: whatever the bytes, unpacking either succeeds or throws a
 * {@link ValidationException} with an error code, never another exception, a hang or a write outside
 * the sandbox, and the sandbox is always removed.
 *
 * <p>In the normal suite this replays the seed corpus in {@code ArchiveFuzzTestInputs/} (regression
 * mode, well under a second). With {@code -Pfuzz} (environment {@code JAZZER_FUZZ=1}) Jazzer mutates
 * the seeds for {@code maxDuration}, coverage-guided.
 */
class ArchiveFuzzTest {
    /** Small bounds, so that every input is read quickly. */
    private static final ValidationLimits LIMITS = new ValidationLimits(1 << 20, 200, 4L << 20, 100, 16, 512,
            Duration.ofSeconds(5), Duration.ofSeconds(5));

    private static final Path PARENT = parent();

    private static Path parent() {
        try {
            return Files.createTempDirectory("idea-archive-fuzz").resolve("sandboxes");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeTemporaryDirectory() throws IOException {
        Files.deleteIfExists(PARENT);
        Files.deleteIfExists(PARENT.getParent());
    }

    @FuzzTest(maxDuration = "60s")
    void unpack_anyBytes_succeedsOrRefusesWithACode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        for (boolean extract : new boolean[] {false, true}) {
            try (Sandbox sandbox = Sandbox.create(PARENT)) {
                ArchiveUnpacker.Unpacked unpacked = ArchiveUnpacker.unpack(PackageSource.of(Bytes.of(data)), LIMITS, sandbox, extract,
                        Set.of());
                assertThat(unpacked.bytesRead()).isEqualTo(data.length);
                assertThat(unpacked.entries().size()).isLessThanOrEqualTo((int) LIMITS.maxEntries());
            } catch (ValidationException e) {
                assertThat(e.errorCode()).isNotNull();
            }
            File[] left = PARENT.toFile().list() == null ? new File[0] : PARENT.toFile().listFiles();
            assertThat(left).as("sandboxes left behind").isEmpty();
            File[] outside = PARENT.getParent().toFile().listFiles();
            assertThat(outside).as("files written beside the sandboxes").extracting(File::getName).containsOnly("sandboxes");
        }
    }
}
