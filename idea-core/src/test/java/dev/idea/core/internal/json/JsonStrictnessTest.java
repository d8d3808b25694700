package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.ErrorCode;
import dev.idea.api.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the strict parser, with its error code and the place it names. */
class JsonStrictnessTest {

    /** Asserts that parse and the one-pass canonicalize both refuse the input, with the same message. */
    private static FormatException refuse(byte[] input, JsonLimits limits, ErrorCode expected) {
        FormatException e = assertThrows(FormatException.class, () -> Json.parse(input, limits));
        assertEquals(expected, e.errorCode(), e.getMessage());
        assertEquals(null, e.getCause(), "no parser exception may leak as a cause");
        FormatException c = assertThrows(FormatException.class, () -> Json.canonicalize(input, limits));
        assertEquals(e.getMessage(), c.getMessage());
        return e;
    }

    private static FormatException refuse(String input, ErrorCode expected) {
        return refuse(input.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT, expected);
    }

    private static FormatException refuseHex(String hex, ErrorCode expected) {
        return refuse(HexFormat.of().parseHex(hex), JsonLimits.DEFAULT, expected);
    }

    @Test
    void parse_duplicateKeyAtDepth_namesKeyAndPath() {
        FormatException e = refuse("{\"a\":{\"x\":1,\"b\":true,\"b\":false}}", ErrorCode.JSON_DUPLICATE_KEY);
        assertTrue(e.getMessage().contains("\"b\""), e.getMessage());
        assertTrue(e.getMessage().contains("$.a.b"), e.getMessage());
    }

    @Test
    void parse_duplicateKeyInsideArray_namesIndex() {
        FormatException e = refuse("{\"list\":[{},{\"k\":1,\"k\":1}]}", ErrorCode.JSON_DUPLICATE_KEY);
        assertTrue(e.getMessage().contains("$.list[1].k"), e.getMessage());
    }

    @Test
    void parse_duplicateKeyWrittenWithEscape_isStillDuplicate() {
        refuse("{\"a\":1,\"\\u0061\":2}", ErrorCode.JSON_DUPLICATE_KEY);
    }

    @Test
    void parse_duplicateKeyAmongManyMembers_isFound() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            sb.append("\"k").append(i).append("\":").append(i).append(',');
        }
        sb.append("\"k250\":0}");
        FormatException e = refuse(sb.toString(), ErrorCode.JSON_DUPLICATE_KEY);
        assertTrue(e.getMessage().contains("$.k250"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"\\ud800\"]", "[\"a\\ud83d\"]", "[\"\\ude00\"]", "[\"\\ude00\\ud83d\"]", "{\"\\udbff x\":1}"})
    void parse_escapedLoneSurrogate_isRefused(String input) {
        FormatException e = refuse(input, ErrorCode.JSON_LONE_SURROGATE);
        assertTrue(e.getMessage().contains("$[0]") || e.getMessage().contains("$[\"\\udbff x\"]"), e.getMessage());
    }

    @Test
    void parse_escapedSurrogatePair_isAccepted() {
        JsonValue v = Json.parse("[\"\\ud83d\\ude00\"]".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
        assertEquals(new JsonArray(java.util.List.of(new JsonString("\ud83d\ude00"))), v);
    }

    @Test
    void parse_rawEncodedSurrogate_isInvalidUtf8WithOffset() {
        // ["<ED A0 80>"] : U+D800 encoded as if it were a character (CESU-8 style)
        FormatException e = refuseHex("5b22eda080225d", ErrorCode.JSON_INVALID_UTF8);
        assertTrue(e.getMessage().contains("byte offset 2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5b22c0af225d",     // overlong '/'
        "5b22c1bf225d",     // overlong
        "5b22e08080225d",   // overlong 3-byte NUL
        "5b22f0808080225d", // overlong 4-byte
        "5b22f4908080225d", // above U+10FFFF
        "5b22f5808080225d", // lead byte never used
        "5b2280225d",       // lone continuation byte
        "5b22c3225d",       // truncated 2-byte sequence
        "5b22e282225d",     // truncated 3-byte sequence
        "5b22ff225d",       // 0xFF
        "5b22eda080edb080225d", // surrogate pair encoded as two 3-byte sequences
        "5b22e2",           // truncated at end of input
    })
    void parse_invalidUtf8_isRefusedWithOffset(String hex) {
        FormatException e = refuseHex(hex, ErrorCode.JSON_INVALID_UTF8);
        assertTrue(e.getMessage().contains("byte offset"), e.getMessage());
    }

    @Test
    void parse_invalidUtf8AfterLongAsciiRun_reportsExactOffset() {
        byte[] input = ("[\"" + "a".repeat(37) + "\u00e9\"]").getBytes(StandardCharsets.UTF_8);
        input[39] = (byte) 0xC0; // replace the lead byte of U+00E9 with an overlong lead
        FormatException e = refuse(input, JsonLimits.DEFAULT, ErrorCode.JSON_INVALID_UTF8);
        assertTrue(e.getMessage().contains("byte offset 39"), e.getMessage());
    }

    @Test
    void parse_validMultibyteUtf8_isAccepted() {
        String text = "[\"\u00e9\u20ac\ud83d\ude00\u0080\uffff\"]";
        JsonValue v = Json.parse(text.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
        assertEquals(new JsonString("\u00e9\u20ac\ud83d\ude00\u0080\uffff"), ((JsonArray) v).values().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "[NaN]", "[Infinity]", "[-Infinity]", "{\"a\":[1,Infinity]}"})
    void parse_nonNumericToken_isOutOfRange(String input) {
        refuse(input, ErrorCode.JSON_NUMBER_OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1e400]", "[-1e400]", "[1.8e308]", "{\"big\":1" + "0000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000}"})
    void parse_numberBeyondDouble_isOutOfRange(String input) {
        FormatException e = refuse(input, ErrorCode.JSON_NUMBER_OUT_OF_RANGE);
        assertTrue(e.getMessage().contains("$"), e.getMessage());
    }

    @Test
    void parse_numberUnderflow_becomesZero() {
        assertEquals(new JsonArray(java.util.List.of(new JsonNumber(0))),
                Json.parse("[1e-400]".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT));
    }

    @Test
    void parse_depth65_isTooDeepAndDepth64IsAccepted() {
        String ok = "[".repeat(64) + "]".repeat(64);
        Json.parse(ok.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

        FormatException e = refuse("[".repeat(65) + "]".repeat(65), ErrorCode.JSON_TOO_DEEP);
        assertTrue(e.getMessage().contains("65") && e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void parse_deepObjects_isTooDeepWithPath() {
        String deep = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
        FormatException e = refuse(deep, ErrorCode.JSON_TOO_DEEP);
        assertTrue(e.getMessage().contains("$.a.a.a"), e.getMessage());
    }

    @Test
    void parse_veryDeepInput_isTooDeepNotStackOverflow() {
        refuse("[".repeat(100_000), ErrorCode.JSON_TOO_DEEP);
    }

    @Test
    void canonicalize_depthAtCeiling_parsesAndWritesWithoutStackOverflow() {
        int depth = JsonLimits.MAX_DEPTH_CEILING - 2; // plus the inner object and array
        String deep = "[".repeat(depth) + "{\"a\":[1]}" + "]".repeat(depth);
        JsonLimits limits = new JsonLimits(JsonLimits.DEFAULT_MAX_BYTES, JsonLimits.MAX_DEPTH_CEILING, 100);

        byte[] canonical = Json.canonicalize(deep.getBytes(StandardCharsets.UTF_8), limits);

        assertEquals(deep.replace(" ", ""), new String(canonical, StandardCharsets.UTF_8));
    }

    @Test
    void parse_documentOverMaxBytes_isTooLarge() {
        byte[] input = ("[\"" + "x".repeat(100) + "\"]").getBytes(StandardCharsets.UTF_8);
        refuse(input, new JsonLimits(100, 64, 1000), ErrorCode.JSON_TOO_LARGE);
    }

    @Test
    void parse_stringOverMaxLength_isTooLarge() {
        byte[] input = ("{\"k\":\"" + "x".repeat(101) + "\"}").getBytes(StandardCharsets.UTF_8);
        FormatException e = refuse(input, new JsonLimits(10_000, 64, 100), ErrorCode.JSON_TOO_LARGE);
        assertTrue(e.getMessage().contains("$.k"), e.getMessage());
    }

    @Test
    void parse_memberNameOverMaxLength_isTooLarge() {
        byte[] input = ("{\"" + "x".repeat(101) + "\":1}").getBytes(StandardCharsets.UTF_8);
        refuse(input, new JsonLimits(10_000, 64, 100), ErrorCode.JSON_TOO_LARGE);
    }

    @Test
    void parse_numberAndNameAboveJacksonDefaults_followJsonLimitsOnly() {
        // jackson's defaults are maxNumberLength 1000 and maxNameLength 50,000: neither may fire.
        String number = "1" + "0".repeat(1500);
        String name = "n".repeat(60_000);
        byte[] input = ("{\"" + name + "\":" + number + ".5e-1480}").getBytes(StandardCharsets.UTF_8);
        JsonObject v = Json.parseObject(input, JsonLimits.DEFAULT);
        assertEquals(new JsonNumber(1e20), v.get(name).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1,2,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{'a':1}", "{a:1}", "[01]", "[1.]", "[.5]", "[+1]",
        "[\"a\tb\"]", "[\"\\x\"]", "// c\n[]", "[1]]", "{}x", "[] []", "[", "{\"a\":", "\"abc", "[tru]", "[\"\\u12\"]",
    })
    void parse_syntaxError_isMalformed(String input) {
        FormatException e = refuse(input, ErrorCode.JSON_MALFORMED);
        assertTrue(e.getMessage().contains("line") || e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void parse_trailingGarbage_isMalformedWithLocation() {
        FormatException e = refuse("{\"a\":1}\n  x", ErrorCode.JSON_MALFORMED);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void canonicalize_manyMembersInReverseOrder_equalsWriteOfParse() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 999; i >= 0; i--) {
            sb.append(i < 999 ? "," : "").append("\"m").append(i).append("\":{\"z\":[").append(i).append(",{\"b\":1,\"a\":2}],\"y\":null}");
        }
        byte[] input = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);

        assertEquals(new String(Json.write(Json.parse(input, JsonLimits.DEFAULT)), StandardCharsets.UTF_8),
                new String(Json.canonicalize(input, JsonLimits.DEFAULT), StandardCharsets.UTF_8));
    }

    @Test
    void parse_trailingWhitespace_isAccepted() {
        Json.parse(" {} \n\t\r ".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void parse_emptyInput_isMalformed(String input) {
        refuse(input, ErrorCode.JSON_MALFORMED);
    }

    @Test
    void parse_byteOrderMark_isMalformed() {
        FormatException e = refuseHex("efbbbf7b7d", ErrorCode.JSON_MALFORMED);
        assertTrue(e.getMessage().contains("byte order mark"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"007b007d", "7b007d00", "0000007b0000007d", "feff007b007d"})
    void parse_utf16Or32Input_isRefused(String hex) {
        FormatException e = assertThrows(FormatException.class,
                () -> Json.parse(HexFormat.of().parseHex(hex), JsonLimits.DEFAULT));
        assertTrue(e.errorCode() == ErrorCode.JSON_MALFORMED || e.errorCode() == ErrorCode.JSON_INVALID_UTF8, e.getMessage());
    }

    @Test
    void parseObject_topLevelArray_isSchemaViolation() {
        FormatException e = assertThrows(FormatException.class,
                () -> Json.parseObject("[]".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT));
        assertEquals(ErrorCode.JSON_SCHEMA_VIOLATION, e.errorCode());
    }

    @Test
    void write_loneSurrogateInBuiltValue_isRefused() {
        JsonObject o = JsonObject.builder().put("k", "a\ud800b").build();
        FormatException e = assertThrows(FormatException.class, () -> Json.write(o));
        assertEquals(ErrorCode.JSON_LONE_SURROGATE, e.errorCode());
    }

    @Test
    void parse_scalarsAtTopLevel_areAccepted() {
        assertEquals(new JsonString("x"), Json.parse("\"x\"".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT));
        assertEquals(new JsonNumber(-0.0), Json.parse("-0".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT));
        assertEquals(JsonNull.INSTANCE, Json.parse("null".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT));
        assertEquals(JsonBoolean.TRUE, Json.parse("true".getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT));
    }
}
