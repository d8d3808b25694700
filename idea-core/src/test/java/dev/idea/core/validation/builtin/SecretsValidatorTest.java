package dev.idea.core.validation.builtin;

import static dev.idea.core.validation.builtin.TestPackage.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test secrets are assembled from pieces so that this source file itself trips no scanner. */
class SecretsValidatorTest {
    private final SecretsValidator validator = new SecretsValidator();

    // AWS's documented example key id (docs.aws.amazon.com, "Understanding and getting your AWS credentials")
    static final String AWS = "AKIA" + "IOSFODNN7EXAMPLE";
    static final String GITHUB = "ghp" + "_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    static final String SLACK = "xox" + "b-123456789012-abcdefghijkl";
    static final String GOOGLE = "AI" + "za" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
    static final String PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAtesttesttest\nabc\n-----END RSA PRIVATE KEY-----\n";
    static final String ENTROPY = "k8Hq2Lz9Xw4Rt7Vb1Nm6Pc3Js5Gd0Fy";

    @Test
    void validate_knownFormats_areFoundWithLineAndOffset(@TempDir Path dir) {
        var pkg = TestPackage.in(dir)
                .file("conf/app.env", "# config\naws_key=" + AWS + "\ntoken: " + GITHUB + "\n")
                .file("conf/chat.yaml", "slack: " + SLACK + "\ngoogle: " + GOOGLE + "\n")
                .file("keys/id_rsa", "junk\n" + PEM).view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.empty());
        assertThat(outcome.findings()).extracting(Finding::path, Finding::rule, Finding::line, Finding::offset).containsExactly(
                org.assertj.core.groups.Tuple.tuple("conf/app.env", "secrets.aws-access-key-id", 2L, 17L),
                org.assertj.core.groups.Tuple.tuple("conf/app.env", "secrets.github-token", 3L, 45L),
                org.assertj.core.groups.Tuple.tuple("conf/chat.yaml", "secrets.slack-token", 1L, 7L),
                org.assertj.core.groups.Tuple.tuple("conf/chat.yaml", "secrets.google-api-key", 2L, 46L),
                org.assertj.core.groups.Tuple.tuple("keys/id_rsa", "secrets.private-key", 2L, 5L));
        assertThat(outcome.reasons()).containsExactly("secrets_found");
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void validate_messages_neverContainTheSecret(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("a.txt", AWS + " " + GITHUB + " " + SLACK + " " + GOOGLE + " x=" + ENTROPY + "\n" + PEM).view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.empty());
        assertThat(outcome.findings()).hasSize(6);
        for (Finding f : outcome.findings()) {
            for (String secret : new String[] {AWS, GITHUB, SLACK, GOOGLE, ENTROPY, "MIIEowIBAAKCAQEA"}) {
                assertThat(f.message()).doesNotContain(secret).doesNotContain(secret.substring(4, 14)).contains("fp:");
            }
        }
    }

    @Test
    void validate_highEntropyToken_isWarningAndLowEntropyIsIgnored(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("a.properties", "secret=" + ENTROPY + "\nname=AbstractSingletonProxyFactoryBean\n"
                + "digest=0123456789abcdef0123456789abcdef\nhex=deadbeefdeadbeefdeadbeef\n").view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.empty());
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::line, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("secrets.high-entropy", 1L, Finding.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("secrets.high-entropy", 3L, Finding.Severity.WARNING));
        ValidatorOutcome off = validator.validate(pkg, ValidatorSettings.of(Map.of("entropy.enabled", "false")));
        assertThat(off.findings()).isEmpty();
    }

    @Test
    void validate_allowlist_silencesPathsAndFingerprints(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("src/test/fixture.txt", AWS + "\n").file("docs/readme.md", "example: " + AWS + "\n").view();
        assertThat(rules(validator.validate(pkg, ValidatorSettings.empty()))).hasSize(2);
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("allow.paths", "src/test/**"))).findings())
                .singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("docs/readme.md"));
        String fp = Redaction.fingerprint(AWS);
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("allow.fingerprints", fp))).findings()).isEmpty();
    }

    @Test
    void validate_binaryFile_isScannedByPrintableRunsWithByteOffsets(@TempDir Path dir) {
        byte[] prefix = {0, 1, 2, 3, (byte) 0xff, 0};
        byte[] secret = ("key=" + AWS).getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[prefix.length + secret.length + 2];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(secret, 0, content, prefix.length, secret.length);
        ValidatorOutcome outcome = validator.validate(TestPackage.in(dir).file("lib/native.so", content).view(), ValidatorSettings.empty());
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("secrets.aws-access-key-id");
            assertThat(f.line()).isZero();
            assertThat(f.offset()).isEqualTo(prefix.length + 4);
        });
    }

    @Test
    void validate_lookalikes_areNotSecrets(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("a.txt", "AKIA1234 ghp_short xoxb- AIzaShort -----BEGIN PUBLIC KEY-----\n"
                + "XAKIA" + "IOSFODNN7EXAMPLEX\n").view();
        assertThat(validator.validate(pkg, ValidatorSettings.empty()).findings()).isEmpty();
    }

    @Test
    void fingerprint_differsBetweenPrivateKeys(@TempDir Path a, @TempDir Path b) {
        String other = PEM.replace("testtesttest", "otherotherot");
        Finding f1 = validator.validate(TestPackage.in(a).file("k", PEM).view(), ValidatorSettings.empty()).findings().get(0);
        Finding f2 = validator.validate(TestPackage.in(b).file("k", other).view(), ValidatorSettings.empty()).findings().get(0);
        assertThat(f1.message()).isNotEqualTo(f2.message());
    }
}
