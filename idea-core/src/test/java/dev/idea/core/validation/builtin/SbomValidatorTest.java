package dev.idea.core.validation.builtin;

import static dev.idea.core.validation.builtin.TestPackage.rules;
import static dev.idea.core.validation.builtin.TestPackage.withRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomValidatorTest {
    private final SbomValidator validator = new SbomValidator();

    static byte[] resource(String name) {
        try (InputStream in = SbomValidatorTest.class.getResourceAsStream("/validators/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void validate_cycloneDx_listsComponentsWithPurlAndLicenses(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("bom.json", resource("cyclonedx-1.5.json")).view(),
                ValidatorSettings.empty());
        assertThat(withRule(outcome, "sbom.document")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("CycloneDX 1.5 SBOM with 3 components"));
        assertThat(withRule(outcome, "sbom.component")).extracting(Finding::line, Finding::message).containsExactly( // by line
                org.assertj.core.groups.Tuple.tuple(10L,
                        "$.components[0]: log4j-core@2.14.1 (pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1) licenses [Apache-2.0]"),
                org.assertj.core.groups.Tuple.tuple(17L,
                        "$.components[0].components[0]: log4j-api@2.14.1 (pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1)"),
                org.assertj.core.groups.Tuple.tuple(21L, "$.components[1]: lodash@4.17.21 (pkg:npm/lodash@4.17.21) licenses [MIT OR Apache-2.0]"));
        assertThat(withRule(outcome, "sbom.component")).allSatisfy(f -> assertThat(f.offset()).isPositive());
        assertThat(outcome.reasons()).isEmpty();
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void validate_spdx_listsPackages(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("sbom/app.spdx.json", resource("spdx-2.3.json")).view(),
                ValidatorSettings.empty());
        assertThat(withRule(outcome, "sbom.document")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("SPDX SPDX-2.3 SBOM with 2 components"));
        assertThat(withRule(outcome, "sbom.component")).extracting(Finding::message).containsExactly(
                "$.packages[0]: event-stream@3.3.6 (pkg:npm/event-stream@3.3.6) licenses [MIT]",
                "$.packages[1]: zlib@1.2.11");
    }

    @Test
    void validate_noSbom_givesMissingSbomReasonAndWarning(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("README", "hi").view(), ValidatorSettings.empty());
        assertThat(outcome.reasons()).containsExactly("missing_sbom");
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("sbom.missing");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
        });
        ValidatorOutcome strict = validator.validate(TestPackage.in(dir).view(), ValidatorSettings.of(Map.of("missing-severity", "ERROR")));
        assertThat(strict.passed()).isFalse();
    }

    @Test
    void validate_malformedJson_givesErrorWithParserMessage(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("x.cdx.json", "{\n\"bomFormat\": \"CycloneDX\",}").view(),
                ValidatorSettings.empty());
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("sbom.malformed");
            assertThat(f.path()).isEqualTo("x.cdx.json");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.offset()).isEqualTo(27);
            assertThat(f.message()).startsWith("IDEA-1001 JSON_MALFORMED");
        });
        assertThat(outcome.reasons()).containsExactly("sbom_invalid");
    }

    @Test
    void validate_unsupportedVersionOrWrongTypes_giveSbomInvalid(@TempDir Path dir) {
        var pkg = TestPackage.in(dir)
                .file("a.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.2\"}")
                .file("b.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{\"name\": 7}]}")
                .file("c.spdx.json", "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": {}}")
                .file("d.spdx.json", "{\"hello\": 1}").view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.empty());
        assertThat(rules(outcome)).containsOnly("sbom.malformed");
        assertThat(outcome.findings()).extracting(Finding::line).containsExactly(1L, 1L, 1L, 1L);
        assertThat(outcome.findings()).extracting(Finding::offset).containsExactly(42L, 73L, 40L, 0L);
        assertThat(outcome.findings()).extracting(Finding::message).containsExactly(
                "IDEA-3201 SBOM_INVALID: SBOM member $.specVersion is \"1.2\"; supported are 1.4, 1.5 and 1.6",
                "IDEA-3201 SBOM_INVALID: SBOM member $.components[0].name must be a string",
                "IDEA-3201 SBOM_INVALID: SBOM member $.packages must be an array",
                "IDEA-3201 SBOM_INVALID: SBOM member $ has neither bomFormat (CycloneDX) nor spdxVersion (SPDX)");
    }
}
