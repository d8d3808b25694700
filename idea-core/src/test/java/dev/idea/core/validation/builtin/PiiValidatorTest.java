package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.spi.validation.Finding;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiValidatorTest {
    private final PiiValidator validator = new PiiValidator();

    // Test card numbers published by the networks / payment processors for testing (e.g. Stripe and PayPal test cards).
    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4012888888881881", "5555555555554444", "5105105105105100", "2223003122003222",
        "378282246310005", "371449635398431", "6011111111111117", "3530111333300000", "30569309025904", "6200000000000005"})
    void isCardNumber_publishedTestCards_areRecognised(String number) {
        assertThat(PaymentCards.isCardNumber(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "5555555555554445", "378282246310006", "1234567812345670", "0000000000000000",
        "411111111111", "41111111111111111111", "9111111111111116"})
    void isCardNumber_wrongCheckDigitLengthOrPrefix_isRejected(String number) {
        assertThat(PaymentCards.isCardNumber(number)).isFalse();
    }

    @Property
    void luhnCheckDigit_alwaysMakesTheNumberValidAndIsUnique(@ForAll @NumericChars @StringLength(min = 1, max = 18) String payload,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        int check = PaymentCards.luhnCheckDigit(payload);
        assertThat(PaymentCards.luhnValid(payload + check)).isTrue();
        assertThat(PaymentCards.luhnValid(payload + (check + delta) % 10)).isFalse();
    }

    // ISO 13616 / SWIFT IBAN registry examples
    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300",
        "CH9300762011623852957", "BE68539007547034", "NO9386011117947", "MT84MALT011000012345MTLCAST001S"})
    void ibanValid_registryExamples_pass(String iban) {
        assertThat(Iban.valid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765433", "GB28WEST12345698765432", "DE89370400440532013001", "DE8937040044053201300",
        "XX82WEST12345698765432", "gb82west12345698765432"})
    void ibanValid_corrupted_fail(String iban) {
        assertThat(Iban.valid(iban)).isFalse();
    }

    @Test
    void validate_findsEachKindWithLocation(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("data/customers.csv", String.join("\n",
                "name,card,iban",
                "Ann,4111 1111 1111 1111,GB82 WEST 1234 5698 7654 32",
                "Bob,5555-5555-5555-4444,DE89 3704 0044 0532 0130 00 ok",
                "call +44 20 7946 0958 or (212) 555-0123 or mail jane.doe@corp.test",
                "docs@example.com 4111111111111112 DE89 3704 0044 0532 0130 01 build 20240115123456 v1.2.3-4567")).view();
        ValidatorOutcome outcome = validator.validate(pkg, ValidatorSettings.empty());
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::line, Finding::offset, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pii.card", 2L, 19L, Finding.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("pii.iban", 2L, 39L, Finding.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("pii.card", 3L, 71L, Finding.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("pii.iban", 3L, 91L, Finding.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("pii.phone", 4L, 127L, Finding.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("pii.phone", 4L, 147L, Finding.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("pii.email", 4L, 170L, Finding.Severity.WARNING));
        assertThat(outcome.reasons()).containsExactly("pii_found");
        for (Finding f : outcome.findings()) {
            assertThat(f.message()).doesNotContain("4111 1111 1111 1111", "WEST", "7946", "555-0123", "jane.doe");
        }
    }

    @Test
    void validate_rulesAndAllowlist_limitWhatIsReported(@TempDir Path dir) {
        var pkg = TestPackage.in(dir).file("a.txt", "4111111111111111 jane@corp.test\n").file("test/fixtures.txt", "jane@corp.test").view();
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("rules", "email"))).findings()).hasSize(2);
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("rules", "email", "allow.paths", "test/**"))).findings())
                .hasSize(1);
        assertThat(validator.validate(pkg, ValidatorSettings.of(Map.of("allow.fingerprints",
                Redaction.fingerprint("4111111111111111") + "," + Redaction.fingerprint("jane@corp.test")))).findings()).isEmpty();
    }
}
