package dev.idea.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.Idea;
import dev.idea.api.Release;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationReport;
import dev.idea.core.codec.EnvelopeCodec;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import dev.idea.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationInReleaseTest {
    @TempDir
    Path dir;

    /** Fails packages that hold a file named {@code forbidden}. */
    static final class Forbidden implements PackageValidator {
        @Override
        public String id() {
            return "forbidden";
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public ValidatorOutcome validate(PackageView pkg, ValidatorSettings settings) {
            return new ValidatorOutcome(pkg.entries().stream().filter(e -> e.path().endsWith("forbidden"))
                    .map(e -> new Finding(Finding.Severity.ERROR, "forbidden.file", "remove it", e.path(), 0, -1)).toList(),
                    List.of());
        }
    }

    private Idea.Builder embedded() {
        return Idea.builder()
                .dataDirectory(dir)
                .kms("local")
                .property("idea.kms.local.generate-missing", "ed25519")
                .property("idea.validation.service-release.validators", "forbidden")
                .provider(new Forbidden())
                .clock(MutableClock.at(Instant.parse("2026-11-23T10:00:00Z")))
                .environment(Map.of());
    }

    @Test
    void submit_passingPackage_storesSignedReportWhoseDigestIsThePrecondition() {
        try (Idea idea = embedded().build()) {
            Release release = idea.submit(IdeaPipelineTest.submission(TestPackages.service(), "1.0.0"));
            ValidationReport report = release.validation();
            assertThat(report.validators()).hasSize(1);
            assertThat(report.reportDigest()).isEqualTo(Digest.sha256(report.envelope().payload()));
            assertThat(release.auditEvents().get(1).payloadDigest()).isEqualTo(report.reportDigest());
            assertThat(release.auditEvents().get(1).attributes()).containsEntry("validators", "forbidden");
            Path blob = blobs().filter(p -> {
                try {
                    return Bytes.of(Files.readAllBytes(p)).equals(EnvelopeCodec.write(report.envelope()));
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new AssertionError("report envelope was not stored"));
            assertThat(blob).exists();
            assertThat(report.envelope().signatures()).hasSize(1);
        }
        assertThat(dir.resolve("validation-sandboxes").toFile().list()).isEmpty();
    }

    @Test
    void submit_failingPackage_isRefusedAndRecordsNothing() {
        byte[] pkg = TestPackages.tarGz(Map.of("bin/forbidden", "x", "ok.txt", "y"));
        try (Idea idea = embedded().build()) {
            assertThatThrownBy(() -> idea.submit(IdeaPipelineTest.submission(pkg, "1.0.0")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("bin/forbidden forbidden.file")
                    .satisfies(e -> assertThat(((ValidationException) e).errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED));
            assertThat(idea.auditEvents(0, 10)).isEmpty();
        }
    }

    @Test
    void validate_recordsNothingAndReportsFailure() throws IOException {
        Path pkg = Files.write(dir.resolve("pkg.tar.gz"), TestPackages.tarGz(Map.of("forbidden", "x")));
        try (Idea idea = embedded().build()) {
            ValidationReport report = idea.validate(pkg, "service-release");
            assertThat(report.passed()).isFalse();
            assertThat(report.validators().get(0).findings().get(0).path()).isEqualTo("forbidden");
            assertThat(idea.auditEvents(0, 10)).isEmpty();
        }
    }

    @Test
    void build_unknownValidator_failsAtBuild() {
        assertThatThrownBy(() -> embedded().property("idea.validation.service-release.validators", "forbidden,missing").build())
                .hasMessageContaining("\"missing\"");
    }

    private Stream<Path> blobs() {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
