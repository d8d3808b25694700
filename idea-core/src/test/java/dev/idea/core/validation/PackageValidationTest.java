package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.Bytes;
import dev.idea.api.Digest;
import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.core.TestPackages;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class PackageValidationTest {
    @TempDir
    static Path sandboxes;

    private static final ValidationLimits LIMITS = ValidationLimits.defaults();

    private static ValidationReport inspect(byte[] data) {
        return inspect(data, LIMITS, null);
    }

    static ValidationReport inspect(byte[] data, ValidationLimits limits, Digest expected) {
        try {
            return new PackageValidation(ValidationProfile.none(), limits, sandboxes, null, 1)
                    .validate(PackageSource.of(Bytes.of(data)), "service-release", expected);
        } finally {
            assertThat(sandboxes.toFile().list()).as("sandboxes left behind").isEmpty();
        }
    }

    private static ErrorCode failure(byte[] data, ValidationLimits limits, Digest expected) {
        try {
            inspect(data, limits, expected);
        } catch (ValidationException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void inspect_tarGz_countsEntriesAndDigestsRawBytes() {
        byte[] pkg = TestPackages.tarGz(Map.of("a.txt", "hello", "b.txt", "world"));
        ValidationReport r = inspect(pkg);
        assertThat(r.format()).isEqualTo("tar+gzip");
        assertThat(r.entries()).isEqualTo(2);
        assertThat(r.size()).isEqualTo(pkg.length);
        assertThat(r.packageDigest()).isEqualTo(Digest.sha256(Bytes.of(pkg)));
        assertThat(r.passed()).isTrue();
    }

    @Test
    void inspect_eachFormat_isRecognizedByMagicBytes() {
        Map<String, String> files = Map.of("x", "1");
        assertThat(inspect(TestPackages.tar(files)).format()).isEqualTo("tar");
        assertThat(inspect(TestPackages.zip(files)).format()).isEqualTo("zip");
        assertThat(inspect(TestPackages.gzip("plain".getBytes())).format()).isEqualTo("gzip");
        assertThat(inspect("just a file".getBytes()).format()).isEqualTo("file");
    }

    @Test
    void inspect_samePackageTwice_givesIdenticalReportDigest() {
        byte[] pkg = TestPackages.service();
        assertThat(inspect(pkg).reportDigest()).isEqualTo(inspect(pkg.clone()).reportDigest());
    }

    @Test
    void inspect_differentLimits_changeReportDigest() {
        byte[] pkg = TestPackages.service();
        ValidationReport small = inspect(pkg, LIMITS.withMaxPackageBytes(1 << 20), null);
        assertThat(small.reportDigest()).isNotEqualTo(inspect(pkg).reportDigest());
    }

    @Test
    void inspect_emptyPackage_refusedAsEmpty() {
        assertThat(failure(new byte[0], LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_EMPTY);
    }

    @Test
    void inspect_oversizedPackage_refusedAsTooLarge() {
        assertThat(failure(new byte[101], LIMITS.withMaxPackageBytes(100), null)).isEqualTo(ErrorCode.PACKAGE_TOO_LARGE);
    }

    @Test
    void inspect_truncatedGzip_refusedAsUnreadable() {
        byte[] pkg = TestPackages.service();
        assertThat(failure(Arrays.copyOf(pkg, pkg.length / 2), LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void inspect_tarGzWithoutItsGzipTrailer_refusedAsUnreadable() {
        byte[] pkg = TestPackages.service();
        assertThat(failure(Arrays.copyOf(pkg, pkg.length - 8), LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void inspect_tarGzWithCorruptGzipCrc_refusedAsUnreadable() {
        byte[] pkg = TestPackages.service();
        pkg[pkg.length - 6] ^= 1;
        assertThat(failure(pkg, LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void inspect_tarWithBadHeaderChecksum_refusedAsUnreadable() {
        byte[] tar = TestPackages.tar(Map.of("a", "b"));
        tar[10] ^= 1;
        assertThat(failure(tar, LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void inspect_truncatedTar_refusedAsUnreadable() {
        byte[] tar = TestPackages.tar(Map.of("a", "x".repeat(2000)));
        assertThat(failure(Arrays.copyOf(tar, 1024), LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void inspect_corruptZipEntry_refusedAsUnreadable() {
        byte[] zip = TestPackages.zip(Map.of("a.txt", "hello hello hello hello"));
        zip[40] ^= 0x55;
        assertThat(failure(zip, LIMITS, null)).isEqualTo(ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void inspect_tooManyEntries_refusedAsTooManyEntries() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            files.put("f" + i, "x");
        }
        assertThat(failure(TestPackages.tar(files), new ValidationLimits(1 << 20, 10, 1 << 20), null))
                .isEqualTo(ErrorCode.ARCHIVE_TOO_MANY_ENTRIES);
    }

    @Test
    void inspect_expansionBeyondLimit_refusedAsBomb() {
        byte[] bomb = TestPackages.gzip(new byte[1 << 20]);
        assertThat(failure(bomb, new ValidationLimits(1 << 20, 10, 1000), null)).isEqualTo(ErrorCode.ARCHIVE_BOMB);
    }

    @Test
    void inspect_wrongExpectedChecksum_refusedWithMismatch() {
        Digest wrong = Digest.sha256(Bytes.utf8("something else"));
        assertThat(failure(TestPackages.service(), LIMITS, wrong)).isEqualTo(ErrorCode.PACKAGE_CHECKSUM_MISMATCH);
    }

    @Test
    void inspect_rightExpectedChecksum_passes() {
        byte[] pkg = TestPackages.service();
        ValidationReport r = inspect(pkg, LIMITS, Digest.sha256(Bytes.of(pkg)));
        assertThat(r.checks().get(1).detail()).contains("matches");
    }
}
