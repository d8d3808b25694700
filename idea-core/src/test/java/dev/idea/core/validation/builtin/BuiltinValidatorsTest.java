package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validators as a set: discovered as services, and deterministic. */
class BuiltinValidatorsTest {

    static List<PackageValidator> loaded() {
        return ServiceLoader.load(PackageValidator.class).stream().map(ServiceLoader.Provider::get)
                .filter(v -> v.getClass().getPackageName().equals(BuiltinValidatorsTest.class.getPackageName())).toList();
    }

    @Test
    void serviceLoader_findsEveryBuiltinValidatorWithStableIdAndVersion() {
        TreeMap<String, String> ids = new TreeMap<>();
        loaded().forEach(v -> ids.put(v.id(), v.version()));
        assertThat(ids.keySet()).containsExactly("checksum", "dependencies", "export-control", "format", "license", "pii", "sbom",
                "secrets", "size", "smoke");
        assertThat(ids.values()).containsOnly("1.0.0");
        assertThat(ids.keySet()).allMatch(id -> id.matches("[a-z0-9-]+"));
    }

    private static TestPackage write(Path dir) {
        return TestPackage.in(dir)
                .file("idea-package.json", "{\"license\": \"MIT OR Apache-2.0\"}")
                .file("LICENSE", "MIT License\n")
                .file("bom.json", SbomValidatorTest.resource("cyclonedx-1.5.json"))
                .file("conf/app.env", "key=" + SecretsValidatorTest.AWS + "\nmail=ops@corp.test\ncard=4111 1111 1111 1111\n")
                .file("src/Main.java", "// SPDX-License-Identifier: MIT\nimport javax.crypto.Cipher; // AES RSA\n")
                .file("SHA256SUMS", ExportAndFormatValidatorsTest.hex(dev.idea.api.HashAlgorithm.SHA_256, "MIT License\n") + "  LICENSE\n");
    }

    @Test
    void validate_samePackageInTwoPlaces_givesIdenticalOutcomes(@TempDir Path a, @TempDir Path b) {
        var first = write(a).view();
        var second = write(b).view();
        for (PackageValidator v : loaded()) {
            if (v.id().equals("smoke")) {
                continue; // runs a command; covered by SmokeValidatorTest
            }
            ValidatorOutcome x = v.validate(first, ValidatorSettings.empty());
            ValidatorOutcome y = v.validate(second, ValidatorSettings.empty());
            ValidatorOutcome z = v.validate(first, ValidatorSettings.empty());
            assertThat(y.toString()).as(v.id()).isEqualTo(x.toString());
            assertThat(z.toString()).as(v.id()).isEqualTo(x.toString());
            assertThat(x.findings()).as(v.id()).isSortedAccordingTo(FindingList.ORDER);
        }
    }

    @Test
    void findingList_cap_keepsFirstFindingsAndSummarisesTheRest() {
        FindingList list = new FindingList("x", 2);
        for (int i = 0; i < 5; i++) {
            list.add(dev.idea.spi.validation.Finding.Severity.WARNING, "x.r", "m" + i, "p", i + 1, -1);
        }
        assertThat(list.sorted()).extracting(dev.idea.spi.validation.Finding::rule).containsExactly("x.r", "x.r", "x.truncated");
        assertThat(list.sorted().get(2).message()).startsWith("3 more findings");
    }

    @Test
    void glob_matchesNamesAnywhereAndPathsFromTheRoot() {
        assertThat(Glob.compile("*.pem").matches("a/b/key.pem")).isTrue();
        assertThat(Glob.compile("test/**").matches("test/a/b.txt")).isTrue();
        assertThat(Glob.compile("test/**").matches("src/test/a.txt")).isFalse();
        assertThat(Glob.compile("**/fixtures/*.json").matches("fixtures/a.json")).isTrue();
        assertThat(Glob.compile("**/fixtures/*.json").matches("x/fixtures/y/a.json")).isFalse();
        assertThat(Glob.compile("a?c").matches("abc")).isTrue();
        assertThat(Glob.compile("a.c").matches("abc")).isFalse();
    }

    @Test
    void textScanner_longLinesAreCutAndCrlfStripped() throws Exception {
        String longLine = "x".repeat(TextScanner.MAX_SEGMENT + 10);
        List<String> seen = new java.util.ArrayList<>();
        TextScanner.scan(new java.io.ByteArrayInputStream((longLine + "\r\nb").getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                (text, line, offset) -> seen.add(line + ":" + offset + ":" + text.length()));
        assertThat(seen).containsExactly("1:0:" + TextScanner.MAX_SEGMENT, "1:" + TextScanner.MAX_SEGMENT + ":10",
                "2:" + (TextScanner.MAX_SEGMENT + 12) + ":1");
    }
}
