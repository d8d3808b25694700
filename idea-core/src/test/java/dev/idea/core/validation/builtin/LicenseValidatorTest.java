package dev.idea.core.validation.builtin;

import static dev.idea.core.validation.builtin.TestPackage.rules;
import static dev.idea.core.validation.builtin.TestPackage.withRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ConfigurationException;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseValidatorTest {
    private final LicenseValidator validator = new LicenseValidator();

    @Test
    void validate_packageWithoutLicense_reportsMissingLicense(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("src/a.c", "int main(){}\n").view(),
                ValidatorSettings.empty());
        assertThat(rules(outcome)).containsExactly("license.missing");
        assertThat(outcome.reasons()).containsExactly("missing_license");
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void validate_descriptorLicenseAndLicenseFileTitle_nameTheirLines(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("idea-package.json", "{\n  \"name\": \"x\",\n  \"license\": \"GPL-3.0-only\"\n}\n")
                .file("LICENSE", "\n\n   GNU GENERAL PUBLIC LICENSE\n").view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.of(Map.of("deny", "GPL-3.0-only, GPL")));
        assertThat(withRule(outcome, "license.denied")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("idea-package.json");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.offset()).isEqualTo(30);
        });
        assertThat(withRule(outcome, "license.file-denied")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.offset()).isEqualTo(2);
        });
    }

    @Test
    void validate_mitLicenseFile_isDetected(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("LICENSE", "MIT License\n\nCopyright (c) 2026\n").view(),
                ValidatorSettings.empty());
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("license.file");
            assertThat(f.message()).contains("MIT");
        });
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void validate_spdxHeaders_areCheckedAgainstAllowAndDenyLists(@TempDir Path dir) {
        var pkg = TestPackage.in(dir)
                .file("a.java", "// SPDX-License-Identifier: Apache-2.0\nclass A {}\n")
                .file("b.c", "/* SPDX-License-Identifier: GPL-3.0-only */\n")
                .file("c.py", "#!/usr/bin/env python3\n# SPDX-License-Identifier: MPL-2.0 OR MIT\n")
                .file("d.sh", "# SPDX-License-Identifier: BSD-3-Clause AND ISC\n")
                .file("e.js", "// SPDX-License-Identifier: MIT and ISC\n").view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.of(Map.of("allow", "Apache-2.0, MIT, BSD-3-Clause",
                "deny", "GPL-3.0-only")));
        assertThat(withRule(outcome, "license.denied")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("b.c");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.offset()).isEqualTo(28);
        });
        assertThat(withRule(outcome, "license.not-allowed")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("d.sh");
            assertThat(f.message()).contains("BSD-3-Clause AND ISC");
        });
        assertThat(withRule(outcome, "license.invalid-expression")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("e.js"));
        assertThat(outcome.reasons()).containsExactly("license_denied", "license_invalid", "license_not_allowed");
    }

    @Test
    void validate_descriptorLicense_isDeclared(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("idea-package.json", "{\"license\": \"(MIT OR GPL-3.0-only) AND Apache-2.0\"}").view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.of(Map.of("deny", "GPL-3.0-only")));
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("license.declared");
            assertThat(f.message()).contains("(MIT OR GPL-3.0-only) AND Apache-2.0");
        });
    }

    @Test
    void validate_orLaterLicenseAllowedByItsBaseId(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("idea-package.json", "{\"license\": \"GPL-2.0+ WITH Classpath-exception-2.0\"}").view();
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("allow", "GPL-2.0"))).passed()).isTrue();
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("deny", "Classpath-exception-2.0"))).passed()).isFalse();
    }

    @Test
    void policy_orTakesTheBetterAndAndTheWorseVerdict() {
        LicensePolicy policy = new LicensePolicy(List.of("MIT"), List.of("AGPL-3.0-only"));
        assertThat(policy.evaluate(SpdxExpression.parse("MIT OR AGPL-3.0-only"))).isEqualTo(LicensePolicy.Verdict.ALLOWED);
        assertThat(policy.evaluate(SpdxExpression.parse("MIT AND AGPL-3.0-only"))).isEqualTo(LicensePolicy.Verdict.DENIED);
        assertThat(policy.evaluate(SpdxExpression.parse("mit AND Zlib"))).isEqualTo(LicensePolicy.Verdict.NOT_LISTED);
        assertThat(policy.evaluate(SpdxExpression.parse("Zlib OR AGPL-3.0-only"))).isEqualTo(LicensePolicy.Verdict.NOT_LISTED);
    }

    @Test
    void validate_unknownSetting_throwsConfigurationException(@TempDir Path dir) {
        assertThatThrownBy(() -> validator.validate(TestPackage.in(dir).view(), ValidatorSettings.of(Map.of("alow", "MIT"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("alow");
    }

    @Test
    void validate_missingSeverityWarning_passes(@TempDir Path dir) {
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("x", "x").view(),
                ValidatorSettings.of(Map.of("missing-severity", "warning")));
        assertThat(outcome.findings()).extracting(Finding::severity).containsExactly(Finding.Severity.WARNING);
        assertThat(outcome.passed()).isTrue();
    }
}
