package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ConfigurationException;
import dev.idea.api.DsseEnvelope;
import dev.idea.api.ErrorCode;
import dev.idea.api.IdeaProvider;
import dev.idea.api.ValidationFinding;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.api.ValidatorResult;
import dev.idea.api.VerificationKey;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.spi.kernel.SigningKey;
import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationPipelineTest {
    private static final String TYPE = "service-release";
    private static final byte[] PACKAGE = new TarBuilder()
            .file("LICENSE", "MIT License\n")
            .file("src/main.txt", "line one\nTODO fix\nline three\nTODO again\n")
            .tarGz();

    @TempDir
    Path sandboxes;

    /** A validator defined by a function, for tests. */
    record Fake(String id, String version, BiFunction<PackageView, ValidatorSettings, ValidatorOutcome> body)
            implements PackageValidator {
        @Override
        public ValidatorOutcome validate(PackageView pkg, ValidatorSettings settings) {
            return body.apply(pkg, settings);
        }
    }

    /** Flags every line holding the word given by the setting {@code word}, with file and line. */
    static final Fake GREP = new Fake("grep", "1.0.0", (pkg, settings) -> {
        String word = settings.get("word").orElse("TODO");
        List<Finding> findings = new ArrayList<>();
        for (PackageEntry e : pkg.entries()) {
            if (e.type() != PackageEntry.Type.FILE) {
                continue;
            }
            try (InputStream in = pkg.open(e)) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = lines.length - 1; i >= 0; i--) { // reverse order on purpose: the pipeline sorts
                    if (lines[i].contains(word)) {
                        findings.add(new Finding(Finding.Severity.ERROR, "grep.word", "contains " + word, e.path(), i + 1, -1));
                    }
                }
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        return new ValidatorOutcome(findings, findings.isEmpty() ? List.of() : List.of("has_todo"));
    });

    static final Fake PASS = new Fake("pass", "2.1", (pkg, settings) -> ValidatorOutcome.pass());
    static final Fake THROWS = new Fake("throws", "0.1", (pkg, settings) -> {
        throw new IllegalStateException("broken validator");
    });

    private PackageValidation pipeline(Map<String, String> properties, List<? extends IdeaProvider> validators,
                                       ValidationLimits limits, SigningKey key) {
        return new PackageValidation(ValidationProfile.fromProperties(properties, validators), limits, sandboxes, key, 2);
    }

    private ValidationReport validate(Map<String, String> properties, List<? extends IdeaProvider> validators) {
        return pipeline(properties, validators, ValidationLimits.defaults(), null)
                .validate(PackageSource.of(Bytes.of(PACKAGE)), TYPE, null);
    }

    @Test
    void validate_failingValidator_reportsSortedLocatedFindingsAndReasons() {
        ValidationReport report = validate(Map.of("idea.validation.service-release.validators", "pass, grep"),
                List.of(GREP, PASS));
        assertThat(report.passed()).isFalse();
        assertThat(report.validators()).extracting(ValidatorResult::id).containsExactly("grep", "pass");
        ValidatorResult grep = report.validators().get(0);
        assertThat(grep.status()).isEqualTo(ValidatorResult.Status.FAILED);
        assertThat(grep.findings()).extracting(ValidationFinding::path, ValidationFinding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/main.txt", 2L),
                        org.assertj.core.groups.Tuple.tuple("src/main.txt", 4L));
        assertThat(report.reasons()).containsExactly("has_todo");
        assertThat(ValidationSummary.describe(report)).contains("src/main.txt:2 grep.word");
    }

    @Test
    void validate_typeWithoutValidators_keepsBuiltInChecksOnly() {
        ValidationReport report = validate(Map.of("idea.validation.other-type.validators", "grep"), List.of(GREP));
        assertThat(report.validators()).isEmpty();
        assertThat(report.checks()).extracting(c -> c.name()).containsExactly("size", "sha256", "archive");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void validate_defaultList_appliesToTypesWithoutTheirOwn() {
        ValidationReport report = validate(Map.of("idea.validation.default.validators", "pass"), List.of(PASS));
        assertThat(report.validators()).extracting(ValidatorResult::id).containsExactly("pass");
    }

    @Test
    void validate_samePackageTwice_givesByteIdenticalStatement() {
        Map<String, String> props = Map.of("idea.validation.service-release.validators", "grep,pass",
                "idea.validation.service-release.grep.word", "TODO");
        ValidationReport first = validate(props, List.of(GREP, PASS));
        ValidationReport second = validate(props, List.of(PASS, GREP));
        assertThat(second.envelope().payload()).isEqualTo(first.envelope().payload());
        assertThat(second.reportDigest()).isEqualTo(first.reportDigest());
    }

    @Test
    void validate_differentSettings_changeSettingsDigestAndReport() {
        ValidationReport todo = validate(Map.of("idea.validation.service-release.validators", "grep"), List.of(GREP));
        ValidationReport other = validate(Map.of("idea.validation.service-release.validators", "grep",
                "idea.validation.service-release.grep.word", "MIT"), List.of(GREP));
        assertThat(other.validators().get(0).settingsDigest()).isNotEqualTo(todo.validators().get(0).settingsDigest());
        assertThat(other.reportDigest()).isNotEqualTo(todo.reportDigest());
        assertThat(other.validators().get(0).findings()).extracting(ValidationFinding::path).containsExactly("LICENSE");
    }

    @Test
    void validate_statement_isInTotoV1WithPackageSubject() {
        ValidationReport report = validate(Map.of("idea.validation.service-release.validators", "pass"), List.of(PASS));
        JsonObject statement = Json.parseObject(report.envelope().payload().toByteArray(), JsonLimits.DEFAULT);
        assertThat(statement.requireString("_type")).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.requireString("predicateType")).isEqualTo(ValidationReport.PREDICATE_TYPE);
        JsonObject subject = (JsonObject) statement.requireArray("subject").values().get(0);
        assertThat(subject.requireObject("digest").requireString("sha256")).isEqualTo(report.packageDigest().hex());
        JsonObject validator = (JsonObject) statement.requireObject("predicate").requireArray("validators").values().get(0);
        assertThat(validator.requireString("version")).isEqualTo("2.1");
        assertThat(validator.requireString("settingsDigest")).startsWith("sha256:");
        assertThat(report.envelope().payloadType()).isEqualTo("application/vnd.in-toto+json");
        assertThat(report.envelope().signatures()).isEmpty();
    }

    @Test
    void validate_throwingValidator_isRecordedAsError() {
        ValidationReport report = validate(Map.of("idea.validation.service-release.validators", "throws,pass"),
                List.of(THROWS, PASS));
        ValidatorResult broken = report.validators().get(1);
        assertThat(broken.id()).isEqualTo("throws");
        assertThat(broken.status()).isEqualTo(ValidatorResult.Status.ERROR);
        assertThat(broken.detail()).contains("broken validator");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void validate_hangingValidator_timesOutWithoutHanging() {
        CountDownLatch never = new CountDownLatch(1);
        Fake hangs = new Fake("hangs", "1", (pkg, settings) -> {
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // ignores interruption on purpose, like a badly written validator
                }
            }
        });
        ValidationReport report = pipeline(Map.of("idea.validation.service-release.validators", "hangs,pass"),
                List.of(hangs, PASS), ValidationLimits.defaults().withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(30)), null)
                .validate(PackageSource.of(Bytes.of(PACKAGE)), TYPE, null);
        assertThat(report.validators()).extracting(ValidatorResult::status)
                .containsExactly(ValidatorResult.Status.TIMEOUT, ValidatorResult.Status.PASSED);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void validate_budgetSpent_marksValidatorsNotStartedAsTimeout() {
        Fake slow = new Fake("slow", "1", (pkg, settings) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ValidatorOutcome.pass();
        });
        ValidationReport report = new PackageValidation(ValidationProfile.fromProperties(
                Map.of("idea.validation.service-release.validators", "slow,pass"), List.of(slow, PASS)),
                ValidationLimits.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(200)), sandboxes, null, 1)
                .validate(PackageSource.of(Bytes.of(PACKAGE)), TYPE, null);
        assertThat(report.validators()).extracting(ValidatorResult::status).contains(ValidatorResult.Status.TIMEOUT);
    }

    @Test
    void validate_withSigningKey_signsThePaeOfTheStatement() {
        List<Bytes> signed = new ArrayList<>();
        SigningKey key = new SigningKey() {
            @Override
            public VerificationKey publicKey() {
                return new VerificationKey(dev.idea.api.SignatureAlgorithm.ED25519, Bytes.of(new byte[44]));
            }

            @Override
            public Bytes sign(Bytes data) {
                signed.add(data);
                return Bytes.utf8("sig");
            }
        };
        ValidationReport report = pipeline(Map.of(), List.of(), ValidationLimits.defaults(), key)
                .validate(PackageSource.of(Bytes.of(PACKAGE)), TYPE, null);
        assertThat(signed).containsExactly(DsseEnvelope.pae(ValidationReport.PAYLOAD_TYPE, report.envelope().payload()));
        assertThat(report.envelope().signatures()).hasSize(1);
    }

    @Test
    void fromProperties_unknownValidator_failsNamingTheIdsFound() {
        assertThatThrownBy(() -> ValidationProfile.fromProperties(Map.of("idea.validation.service-release.validators", "nope"),
                List.of(PASS)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"nope\"").hasMessageContaining("pass")
                .satisfies(e -> assertThat(((ConfigurationException) e).errorCode()).isEqualTo(ErrorCode.VALIDATOR_UNAVAILABLE));
    }
}
