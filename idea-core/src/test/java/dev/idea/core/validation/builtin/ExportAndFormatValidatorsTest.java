package dev.idea.core.validation.builtin;

import static dev.idea.core.validation.builtin.TestPackage.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ConfigurationException;
import dev.idea.api.ErrorCode;
import dev.idea.api.HashAlgorithm;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export-control, format, size and checksum validators. */
class ExportAndFormatValidatorsTest {

    static String hex(HashAlgorithm algorithm, String text) {
        return HexFormat.of().formatHex(algorithm.newMessageDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void exportControl_keywordsAndEccn_areFlaggedForReview(@TempDir Path dir) {
        var pkg = TestPackage.in(dir)
                .file("src/Crypto.java", "import javax.crypto.Cipher;\nclass C { Cipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");"
                        + " // AES\n}\n")
                .file("EXPORT.txt", "ECCN: 5D002\n")
                .file("README", "PAES and AESthetic are not AES markers; neither is rsa in lower case\n").view();
        ValidatorOutcome outcome = new ExportControlValidator().validate(pkg, ValidatorSettings.empty());
        assertThat(outcome.findings()).extracting(Finding::path, Finding::rule, Finding::line, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EXPORT.txt", "export-control.eccn", 1L,
                        "export classification ECCN 5D002 declared; have the release reviewed for export control"),
                org.assertj.core.groups.Tuple.tuple("README", "export-control.keyword", 1L, "\"AES\" appears 1 time (first here);"
                        + " cryptography or controlled technology needs an export-control review"),
                org.assertj.core.groups.Tuple.tuple("src/Crypto.java", "export-control.keyword", 1L, "\"javax.crypto\" appears 1 time"
                        + " (first here); cryptography or controlled technology needs an export-control review"),
                org.assertj.core.groups.Tuple.tuple("src/Crypto.java", "export-control.keyword", 2L, "\"Cipher.getInstance\" appears"
                        + " 1 time (first here); cryptography or controlled technology needs an export-control review"),
                org.assertj.core.groups.Tuple.tuple("src/Crypto.java", "export-control.keyword", 2L, "\"AES\" appears 2 times"
                        + " (first here); cryptography or controlled technology needs an export-control review"));
        assertThat(outcome.findings()).allMatch(f -> f.severity() == Finding.Severity.WARNING);
        assertThat(outcome.reasons()).containsExactly("export_review");
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void exportControl_customKeywordsCaseInsensitive(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("a.txt", "uses Nuclear stuff\n").view();
        ValidatorOutcome outcome = new ExportControlValidator().validate(pkg,
                ValidatorSettings.of(Map.of("keywords", "nuclear", "case-insensitive", "true")));
        assertThat(rules(outcome)).containsExactly("export-control.keyword");
        assertThat(new ExportControlValidator().validate(TestPackage.in(dir).view(), ValidatorSettings.of(Map.of("keywords", "x")))
                .reasons()).isEmpty();
    }

    @Test
    void format_checksNamesExtensionsAndRequiredPaths(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("bin/tool.exe", "MZ").file("README", "a").file("readme", "b").file("con.txt", "c")
                .file("a/b/c/d.txt", "d").view();
        ValidatorOutcome outcome = new FormatValidator().validate(pkg, ValidatorSettings.of(Map.of("allowed-formats", "zip",
                "denied-extensions", ".exe", "required-paths", "idea-package.json", "max-depth", "3")));
        assertThat(outcome.findings()).extracting(Finding::path, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("", "format.not-allowed"),
                org.assertj.core.groups.Tuple.tuple("", "format.required-missing"),
                org.assertj.core.groups.Tuple.tuple("a/b/c/d.txt", "format.too-deep"),
                org.assertj.core.groups.Tuple.tuple("bin/tool.exe", "format.denied-extension"),
                org.assertj.core.groups.Tuple.tuple("con.txt", "format.non-portable-name"),
                org.assertj.core.groups.Tuple.tuple("readme", "format.case-collision"));
        assertThatThrownBy(() -> new FormatValidator().validate(pkg, ValidatorSettings.of(Map.of("allowed-formats", "rar"))))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void size_limits_areEnforcedAndSummarised(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("big.bin", new byte[2000]).file("small.txt", "x").view();
        ValidatorOutcome ok = new SizeValidator().validate(pkg, ValidatorSettings.empty());
        assertThat(ok.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("package 2001 bytes, 2 entries (2 files), 2001 bytes unpacked, largest file big.bin (2000 bytes)"));
        ValidatorOutcome limited = new SizeValidator().validate(pkg, ValidatorSettings.of(Map.of("max-entry-bytes", "1000",
                "max-total-bytes", "1500", "max-entries", "1", "max-package-bytes", "100")));
        assertThat(rules(limited)).containsExactly("size.package-too-large", "size.summary", "size.too-many-entries",
                "size.total-too-large", "size.entry-too-large");
        assertThatThrownBy(() -> new SizeValidator().validate(pkg, ValidatorSettings.of(Map.of("max-entries", "-1"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max-entries = \"-1\"");
    }

    @Test
    void checksum_sumsFilesInGnuAndBsdForm_areVerified(@TempDir Path dir) {
        String app = "echo hello\n";
        String lib = "library bytes";
        var pkg = TestPackage.in(dir).file("bin/app.sh", app).file("lib/x.so", lib)
                .file("SHA256SUMS", hex(HashAlgorithm.SHA_256, app) + "  bin/app.sh\n" + "0".repeat(64) + " *lib/x.so\n"
                        + hex(HashAlgorithm.SHA_256, "gone") + "  missing.txt\nnot a checksum line\n")
                .file("lib/SHA512SUMS", "SHA512 (x.so) = " + hex(HashAlgorithm.SHA_512, lib) + "\n")
                .file("bin/app.sh.sha256", hex(HashAlgorithm.SHA_256, app) + "\n").view();
        ValidatorOutcome outcome = new ChecksumValidator().validate(pkg, ValidatorSettings.empty());
        assertThat(outcome.findings()).extracting(Finding::path, Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SHA256SUMS", "checksum.missing-file", 3L),
                org.assertj.core.groups.Tuple.tuple("SHA256SUMS", "checksum.malformed-line", 4L),
                org.assertj.core.groups.Tuple.tuple("bin/app.sh", "checksum.verified", 0L),
                org.assertj.core.groups.Tuple.tuple("bin/app.sh", "checksum.verified", 0L),
                org.assertj.core.groups.Tuple.tuple("lib/x.so", "checksum.mismatch", 0L),
                org.assertj.core.groups.Tuple.tuple("lib/x.so", "checksum.verified", 0L));
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void checksum_expectedValuesFromSettings_areCompared(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("a.txt", "abc").view();
        String good = "a.txt=sha512:" + hex(HashAlgorithm.SHA_512, "abc");
        assertThat(new ChecksumValidator().validate(pkg, ValidatorSettings.of(Map.of("expected", good,
                "package.sha256", pkg.packageDigest().toString()))).passed()).isTrue();
        ValidatorOutcome bad = new ChecksumValidator().validate(pkg, ValidatorSettings.of(Map.of(
                "expected", "a.txt=sha256:" + hex(HashAlgorithm.SHA_256, "abd"), "package.sha256", "0".repeat(64))));
        assertThat(rules(bad)).containsExactly("checksum.package-mismatch", "checksum.mismatch");
        assertThatThrownBy(() -> new ChecksumValidator().validate(pkg, ValidatorSettings.of(Map.of("expected", "a.txt=md5:00"))))
                .isInstanceOf(ConfigurationException.class);
        assertThat(new ChecksumValidator().validate(pkg, ValidatorSettings.of(Map.of("require-sums", "true"))).passed()).isFalse();
    }
}
