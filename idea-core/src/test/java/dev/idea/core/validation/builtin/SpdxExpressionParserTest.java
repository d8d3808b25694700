package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import dev.idea.core.validation.builtin.SpdxExpression.And;
import dev.idea.core.validation.builtin.SpdxExpression.License;
import dev.idea.core.validation.builtin.SpdxExpression.Or;
import dev.idea.core.validation.builtin.SpdxExpression.With;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from SPDX 2.3 annex D (spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/), sections D.2 to D.4. */
class SpdxExpressionParserTest {

    @Test
    void parse_simpleForms_giveLicenses() {
        assertThat(SpdxExpression.parse("CDDL-1.0")).isEqualTo(new License("CDDL-1.0", false));
        assertThat(SpdxExpression.parse("CDDL-1.0+")).isEqualTo(new License("CDDL-1.0", true));
        assertThat(SpdxExpression.parse("LicenseRef-23")).isEqualTo(new License("LicenseRef-23", false));
        assertThat(SpdxExpression.parse("LicenseRef-MIT-Style-1")).isEqualTo(new License("LicenseRef-MIT-Style-1", false));
        assertThat(SpdxExpression.parse("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"))
                .isEqualTo(new License("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", false));
    }

    @Test
    void parse_annexExamples_giveTheSpecifiedTrees() {
        // D.4: disjunctive, conjunctive and exception examples
        assertThat(SpdxExpression.parse("LGPL-2.1-only OR MIT"))
                .isEqualTo(new Or(new License("LGPL-2.1-only", false), new License("MIT", false)));
        assertThat(SpdxExpression.parse("LGPL-2.1-only OR MIT OR BSD-3-Clause")).isEqualTo(new Or(
                new Or(new License("LGPL-2.1-only", false), new License("MIT", false)), new License("BSD-3-Clause", false)));
        assertThat(SpdxExpression.parse("LGPL-2.1-only AND MIT AND BSD-2-Clause")).isEqualTo(new And(
                new And(new License("LGPL-2.1-only", false), new License("MIT", false)), new License("BSD-2-Clause", false)));
        assertThat(SpdxExpression.parse("GPL-2.0-or-later WITH Bison-exception-2.2"))
                .isEqualTo(new With(new License("GPL-2.0-or-later", false), "Bison-exception-2.2"));
    }

    @Test
    void parse_withoutParentheses_andBindsTighterThanOr() {
        // D.4.5 "LGPL-2.1-only OR BSD-3-Clause AND MIT" means LGPL-2.1-only OR (BSD-3-Clause AND MIT)
        assertThat(SpdxExpression.parse("LGPL-2.1-only OR BSD-3-Clause AND MIT")).isEqualTo(new Or(
                new License("LGPL-2.1-only", false), new And(new License("BSD-3-Clause", false), new License("MIT", false))));
        assertThat(SpdxExpression.parse("MIT AND LGPL-2.1-or-later OR BSD-3-Clause")).isEqualTo(new Or(
                new And(new License("MIT", false), new License("LGPL-2.1-or-later", false)), new License("BSD-3-Clause", false)));
    }

    @Test
    void parse_parentheses_overridePrecedence() {
        assertThat(SpdxExpression.parse("MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)")).isEqualTo(new And(
                new License("MIT", false), new Or(new License("LGPL-2.1-or-later", false), new License("BSD-3-Clause", false))));
        assertThat(SpdxExpression.parse("((MIT))")).isEqualTo(new License("MIT", false));
    }

    @Test
    void parse_withBindsTighterThanAnd() {
        assertThat(SpdxExpression.parse("Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0")).isEqualTo(new And(
                new License("Apache-2.0", false), new With(new License("GPL-2.0-only", false), "Classpath-exception-2.0")));
    }

    @Test
    void toString_rendersCanonicalTextThatParsesToTheSameTree() {
        String text = "(MIT OR Apache-2.0) AND GPL-2.0+ WITH Classpath-exception-2.0 OR LicenseRef-x";
        SpdxExpression e = SpdxExpression.parse(text);
        assertThat(e.toString()).isEqualTo("(MIT OR Apache-2.0) AND GPL-2.0+ WITH Classpath-exception-2.0 OR LicenseRef-x");
        assertThat(SpdxExpression.parse(e.toString())).isEqualTo(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "MIT AND", "AND MIT", "(MIT", "MIT)", "MIT OR OR Apache-2.0", "MIT and Apache-2.0",
        "MIT WITH", "(MIT OR Apache-2.0) WITH Classpath-exception-2.0", "LicenseRef-x+", "GPL-2.0 +", "MIT/Apache-2.0",
        "MIT Apache-2.0", "()", "MIT WITH AND", "Lic€nse"})
    void parse_malformed_throwsLicenseExpressionInvalid(String text) {
        assertThatThrownBy(() -> SpdxExpression.parse(text)).isInstanceOf(FormatException.class)
                .satisfies(e -> assertThat(((FormatException) e).errorCode()).isEqualTo(ErrorCode.LICENSE_EXPRESSION_INVALID));
    }

    @Test
    void parse_lowerCaseOperator_saysOperatorsAreUpperCase() {
        assertThatThrownBy(() -> SpdxExpression.parse("MIT or Apache-2.0")).hasMessageContaining("upper case: OR");
    }

    @Test
    void parse_deepNesting_isRefusedBeforeTheStackIsExhausted() {
        String deep = "(".repeat(1000) + "MIT" + ")".repeat(1000);
        assertThatThrownBy(() -> SpdxExpression.parse(deep)).isInstanceOf(FormatException.class).hasMessageContaining("nest");
    }

    @Property(tries = 500)
    void parse_randomInput_returnsOrThrowsOnlyTheTypedError(@ForAll("expressionish") String text) {
        try {
            SpdxExpression e = SpdxExpression.parse(text);
            assertThat(SpdxExpression.parse(e.toString())).isEqualTo(e);
        } catch (FormatException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.LICENSE_EXPRESSION_INVALID);
        }
    }

    @Provide
    Arbitrary<String> expressionish() {
        Arbitrary<String> tokens = Arbitraries.of("MIT", "Apache-2.0", "GPL-2.0", "+", "AND", "OR", "WITH", "(", ")", " ", "and",
                "LicenseRef-a", "DocumentRef-d:LicenseRef-b", "Classpath-exception-2.0", ":", "\t", "é", "-");
        return Arbitraries.oneOf(tokens.list().ofMaxSize(20).map(l -> String.join(" ", l)),
                tokens.list().ofMaxSize(20).map(l -> String.join("", l)), Arbitraries.strings().ofMaxLength(60));
    }
}
