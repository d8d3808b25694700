package dev.idea.core.validation.builtin;

import static dev.idea.core.validation.builtin.TestPackage.withRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ConfigurationException;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependenciesValidatorTest {
    private final DependenciesValidator validator = new DependenciesValidator();

    private static final String ADVISORIES = """
            {"advisories": [
              {"id": "GHSA-jfh8-c2jp-5v3q", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core",
               "versions": ">=2.0-beta9, <2.15.0", "summary": "Log4Shell remote code execution"},
              {"id": "CVE-2021-45046", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core",
               "versions": ["<2.12.2", ">=2.13.0, <2.16.0"], "severity": "WARNING"},
              {"id": "GHSA-not-affected", "purl": "pkg:npm/lodash", "versions": "<4.17.21"}
            ],
             "deny": [{"purl": "pkg:npm/event-stream", "reason": "compromised maintainer account"}]}
            """;

    @Test
    void validate_componentsMatchingAdvisoriesAndDenyList_areReported(@TempDir Path dir, @TempDir Path config) throws Exception {
        Path advisories = config.resolve("advisories.json");
        Files.writeString(advisories, ADVISORIES);
        var pkg = TestPackage.in(dir).file("bom.json", SbomValidatorTest.resource("cyclonedx-1.5.json"))
                .file("app.spdx.json", SbomValidatorTest.resource("spdx-2.3.json")).view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.of(Map.of("advisories", advisories.toString())));

        assertThat(withRule(outcome, "dependencies.advisory")).extracting(Finding::severity, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.WARNING, "$.components[0]: component pkg:maven/org.apache.logging"
                        + ".log4j/log4j-core@2.14.1 is affected by CVE-2021-45046 (versions <2.12.2 | >=2.13.0, <2.16.0); upgrade it"),
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR, "$.components[0]: component pkg:maven/org.apache.logging"
                        + ".log4j/log4j-core@2.14.1 is affected by GHSA-jfh8-c2jp-5v3q (versions >=2.0-beta9, <2.15.0): Log4Shell"
                        + " remote code execution; upgrade it"));
        assertThat(withRule(outcome, "dependencies.denied")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("app.spdx.json");
            assertThat(f.message()).contains("pkg:npm/event-stream", "compromised maintainer account");
        });
        assertThat(withRule(outcome, "dependencies.no-purl")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("zlib"));
        assertThat(outcome.reasons()).containsExactly("denied_dependency", "vulnerable_dependency");
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void validate_inlineDenyList_isApplied(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("bom.json", SbomValidatorTest.resource("cyclonedx-1.5.json")).view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.of(Map.of("deny", "pkg:npm/lodash")));
        assertThat(withRule(outcome, "dependencies.denied")).hasSize(1);
    }

    @Test
    void validate_invalidAdvisoryFile_throwsConfigurationException(@TempDir Path dir, @TempDir Path config) throws Exception {
        Path bad = config.resolve("bad.json");
        Files.writeString(bad, "{\"advisories\": [{\"id\": \"x\", \"purl\": \"pkg:npm/a\", \"versions\": \">>1\"}]}");
        var pkg = TestPackage.in(dir).view();
        assertThatThrownBy(() -> validator.validate(pkg, ValidatorSettings.of(Map.of("advisories", bad.toString()))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(">>1");
        assertThatThrownBy(() -> validator.validate(pkg, ValidatorSettings.of(Map.of("advisories", config.resolve("none").toString()))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot be read");
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0, 0", "1.0, 1.0.0, 0", "v1.2.3, 1.2.3, 0", "1.2.3+build.5, 1.2.3, 0", "1.10.0, 1.9.0, 1",
        "1.0.0-alpha, 1.0.0, -1", "1.0.0-alpha, 1.0.0-alpha.1, -1", "1.0.0-alpha.1, 1.0.0-alpha.beta, -1",
        "1.0.0-beta.2, 1.0.0-beta.11, -1", "1.0.0-rc.1, 1.0.0, -1", "2.0-beta9, 2.0, -1", "2.14.1, 2.15.0, -1",
        "10.0.0, 9.99.99, 1", "1.0.0a, 1.0.0, 1"})
    void compare_versions_followSemverOrder(String a, String b, int expected) {
        assertThat(Integer.signum(VersionRange.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(VersionRange.compare(b, a))).isEqualTo(-expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {">=2.0.0, <2.15.0; 2.14.1; true", ">=2.0.0, <2.15.0; 2.15.0; false",
        "<=1.2; 1.2.0; true", ">1.2; 1.2.0; false", "=1.0.0 | =1.0.2; 1.0.2; true", "!=1.0.0; 1.0.1; true", "1.0.0; 1.0.0; true",
        "*; 0.0.1; true"})
    void contains_rangeSyntax_matchesVersions(String range, String version, boolean expected) {
        assertThat(VersionRange.parse(range).contains(version)).isEqualTo(expected);
    }
}
