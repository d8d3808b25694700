package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonArray;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import dev.idea.core.internal.json.JsonString;
import dev.idea.core.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors from package-url/purl-spec, test-suite-data.json: the cases of the core specification
 * (cases that test type-specific required fields, e.g. conan, cran and swift, are left out because
 * those rules are not checked).
 */
class PackageUrlTest {

    static Stream<Arguments> vectors() {
        JsonArray all = (JsonArray) Json.parse(SbomValidatorTest.resource("purl-test-suite-data.json"), JsonLimits.DEFAULT);
        List<Arguments> out = new ArrayList<>();
        for (JsonValue v : all.values()) {
            JsonObject o = (JsonObject) v;
            out.add(Arguments.of(o.requireString("description"), o));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parse_specVector_matchesExpectedComponents(String description, JsonObject vector) {
        String purl = vector.requireString("purl");
        if (vector.requireBoolean("is_invalid")) {
            assertThatThrownBy(() -> PackageUrl.parse(purl)).isInstanceOf(FormatException.class)
                    .satisfies(e -> assertThat(((FormatException) e).errorCode()).isEqualTo(ErrorCode.PACKAGE_URL_INVALID));
            return;
        }
        PackageUrl p = PackageUrl.parse(purl);
        assertThat(p.type()).isEqualTo(vector.requireString("type"));
        assertThat(p.namespace()).isEqualTo(vector.optString("namespace").orElse(""));
        assertThat(p.name()).isEqualTo(vector.requireString("name"));
        assertThat(p.version()).isEqualTo(vector.optString("version").orElse(""));
        assertThat(p.subpath()).isEqualTo(vector.optString("subpath").orElse(""));
        Map<String, String> qualifiers = new TreeMap<>();
        vector.optObject("qualifiers").ifPresent(q -> q.members().forEach((k, val) -> qualifiers.put(k, ((JsonString) val).value())));
        assertThat(p.qualifiers()).isEqualTo(qualifiers);
    }

    @Test
    void parse_badPercentEncoding_isRefused() {
        assertThatThrownBy(() -> PackageUrl.parse("pkg:npm/a%2@1")).isInstanceOf(FormatException.class).hasMessageContaining("%");
        assertThatThrownBy(() -> PackageUrl.parse("pkg:npm/a%ff@1")).hasMessageContaining("UTF-8");
    }

    @Test
    void samePackage_ignoresVersionAndQualifiers() {
        assertThat(PackageUrl.parse("pkg:maven/g/a@1?type=jar").samePackage(PackageUrl.parse("pkg:Maven/g/a"))).isTrue();
        assertThat(PackageUrl.parse("pkg:maven/g/a@1").samePackage(PackageUrl.parse("pkg:maven/g/b@1"))).isFalse();
    }
}
