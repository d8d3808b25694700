package dev.idea.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.ErrorCode;
import dev.idea.api.rules.RuleException;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import dev.idea.core.internal.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {
    private static final JsonObject CONTEXT = Json.parseObject((
            "{\"a\":{\"b\":1,\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"list\":[\"p\",\"q\",3],"
            + "\"objs\":[{\"k\":\"v\"}],\"odd-key\":7},\"score\":0.8,\"name\":\"alice\"}")
            .getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "a.b == 1; true",
        "a.b == 1.0; true",
        "a.b != 2; true",
        "a.b < 2 and a.b <= 1 and a.b > 0 and a.b >= 1; true",
        "score < 0.85; true",
        "name == 'alice'; true",
        "name == \"alice\"; true",
        "name < 'bob'; true",
        "name < 3; false",
        "a.s == 1; false",
        "a.missing == 1; false",
        "a.missing != 1; false",
        "not (a.missing == 1); true",
        "a.t; true",
        "a.f; false",
        "a.s; false",
        "a.missing; false",
        "not a.f; true",
        "true; true",
        "false or a.t; true",
        "a.t and a.f or a.t; true",
        "a.t and (a.f or a.f); false",
        "not not a.t; true",
        "'p' in a.list; true",
        "3 in a.list; true",
        "'z' in a.list; false",
        "'z' not in a.list; true",
        "a.s in ['x', 'y']; true",
        "a.missing in ['x']; false",
        "a.missing not in ['x']; true",
        "a.s in a.s; false",
        "exists(a.b); true",
        "exists(a.n); false",
        "exists(a.missing.deeper); false",
        "a.n == null; true",
        "a.list[0] == 'p'; true",
        "a.list[7] == 'p'; false",
        "a.objs[0].k == 'v'; true",
        "a['odd-key'] == 7; true",
        "a.b[0] == 1; false",
        "a.list == ['p', 'q', 3]; true",
        "score >= 8e-1; true",
        "a.b == -1; false",
        "'it\\'s' == 'it\\'s'; true",
        "not_a_keyword_path; false",
        "in_stock == null; false"})
    void parse_expression_evaluatesAsDocumented(String expression, boolean expected) {
        assertThat(ExpressionParser.parse(expression, "test").test(CONTEXT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "``;expression is empty",
        "a.b = 1;\"=\" is not an operator",
        "a.b == ;expression ends where a value was expected",
        "(a.b == 1;\")\" was expected",
        "a.b == 1 a.c;after a complete expression",
        "'open;string is not closed",
        "01 == 1;malformed number",
        "1e999 == 1;outside the double range",
        "a. == 1;expected a member name",
        "a[x] == 1;expected an array index",
        "a[1.5] == 1;non-negative integer",
        "'x' in [a.b];list elements must be literals",
        "exists(1);takes a path",
        "'x';a literal alone is not a condition",
        "a.b not 1;must be followed by \"in\"",
        "in == 1;cannot be used as a value",
        "'\\n' == 1;unknown escape"})
    void parse_malformedExpression_throwsWithColumnAndHint(String expression, String hint) {
        assertThatThrownBy(() -> ExpressionParser.parse(expression, "predicate p"))
                .isInstanceOf(RuleException.class)
                .hasMessageContaining("IDEA-8503 RULE_EXPRESSION_INVALID: predicate p: column ")
                .hasMessageContaining(hint)
                .extracting(e -> ((RuleException) e).errorCode()).isEqualTo(ErrorCode.RULE_EXPRESSION_INVALID);
    }

    @Test
    void parse_deepNesting_isRefusedBeforeTheStackIs() {
        String deep = "(".repeat(ExpressionParser.MAX_DEPTH + 1) + "true" + ")".repeat(ExpressionParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> ExpressionParser.parse(deep, "p")).hasMessageContaining("nests deeper than");
        String manyNots = "not ".repeat(10_000) + "true";
        assertThatThrownBy(() -> ExpressionParser.parse(manyNots, "p")).isInstanceOf(RuleException.class);
    }

    @Test
    void parse_tooLong_isRefused() {
        String longExpression = "a.b == 1" + " or a.b == 1".repeat(ExpressionParser.MAX_LENGTH / 10);
        assertThatThrownBy(() -> ExpressionParser.parse(longExpression, "p")).hasMessageContaining("the limit is 4096");
    }

    @Test
    void parse_controlCharacterInString_isRefused() {
        assertThatThrownBy(() -> ExpressionParser.parse("a.s == 'x\u0001'", "p")).hasMessageContaining("control character U+0001");
    }
}
