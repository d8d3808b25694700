package dev.idea.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextRedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "db_password", "API-Key", "apiKey", "access_token", "client_secret", "Authorization",
        "email", "contact.email", "phone_number", "date_of_birth", "dob", "first_name", "iban", "ssn", "ip", "client_ip_address",
        "home_address", "passport_no"})
    void sensitiveName_secretOrPersonalMemberName_isMasked(String name) {
        assertThat(ContextRedactor.sensitiveName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"country", "risk_level", "confidence", "mineral", "id", "description", "shipping", "zip"})
    void sensitiveName_ordinaryMemberName_isKept(String name) {
        assertThat(ContextRedactor.sensitiveName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.org", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig_part", "Bearer abcdefgh12345",
        "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "4111 1111 1111 1111", "0123456789abcdef0123456789abcdef",
        "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"})
    void sensitiveValue_tokenOrPersonalDataLookingString_isMasked(String value) {
        assertThat(ContextRedactor.sensitiveValue(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE", "tin", "agent", "summarizer-7", "2026-11-23", "S-2002", "Great Lakes Trading", "0.85"})
    void sensitiveValue_ordinaryString_isKept(String value) {
        assertThat(ContextRedactor.sensitiveValue(value)).isFalse();
    }
}
