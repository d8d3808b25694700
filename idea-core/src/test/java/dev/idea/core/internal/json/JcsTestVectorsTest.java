package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known-answer tests from RFC 8785 and from the reference implementation's test data. */
class JcsTestVectorsTest {

    /**
     * Files copied byte for byte from cyberphone/json-canonicalization testdata/input/*.json and
     * testdata/output/*.json. output/arrays.json is not in that repository snapshot; it was written
     * by hand from RFC 8785's rules.
     */
    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void canonicalize_referenceTestData_matchesExpectedOutputByteForByte(String name) throws IOException {
        byte[] input = resource("/jcs/input/" + name + ".json");
        byte[] expected = resource("/jcs/output/" + name + ".json");

        byte[] actual = Json.canonicalize(input, JsonLimits.DEFAULT);

        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void canonicalize_expectedOutput_isFixedPoint(String name) throws IOException {
        byte[] expected = resource("/jcs/output/" + name + ".json");

        assertArrayEquals(expected, Json.canonicalize(expected, JsonLimits.DEFAULT));
    }

    /** RFC 8785 section 3.2.2 input and section 3.2.3 / 3.2.4 output, including its UTF-8 hex dump. */
    @Test
    void canonicalize_rfc8785Section322Example_matchesSection324Bytes() {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
                + "              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        byte[] expected = HexFormat.ofDelimiter(" ").parseHex(
                "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 "
                + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a "
                + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 "
                + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 "
                + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 "
                + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d");

        byte[] actual = Json.canonicalize(input.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expected, actual);
    }

    /** RFC 8785 section 3.2.3: property sorting by UTF-16 code units. */
    @Test
    void canonicalize_rfc8785Section323SortingExample_sortsByUtf16CodeUnits() {
        String input = "{\n"
                + "  \"\\u20ac\": \"Euro Sign\",\n"
                + "  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                + "  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                + "  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                + "}";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";

        byte[] actual = Json.canonicalize(input.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);

        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual);
    }

    @Test
    void write_controlAndSpecialCharacters_useOnlyRfc8785Escapes() {
        String all = "\u0000\u0001\b\t\n\u000b\f\r\u001f \"/\\\u007f\u0080\u2028\ud83d\ude00";
        byte[] actual = Json.write(new JsonString(all));

        assertEquals("\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"/\\\\\u007f\u0080\u2028\ud83d\ude00\"",
                new String(actual, StandardCharsets.UTF_8));
    }

    @Test
    void canonicalize_namesSharingACacheSlot_areEachWrittenCorrectly() {
        // "Aa" and "BB" have the same String.hashCode, so they compete for one slot of the name cache.
        byte[] input = "{\"BB\":{\"Aa\":1,\"BB\":2},\"Aa\":[{\"BB\":3,\"Aa\":4}]}".getBytes(StandardCharsets.UTF_8);
        String expected = "{\"Aa\":[{\"Aa\":4,\"BB\":3}],\"BB\":{\"Aa\":1,\"BB\":2}}";

        for (int i = 0; i < 3; i++) {
            assertEquals(expected, new String(Json.canonicalize(input, JsonLimits.DEFAULT), StandardCharsets.UTF_8));
            assertEquals(expected, new String(Json.write(Json.parse(input, JsonLimits.DEFAULT)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void canonicalize_concurrentCallers_allGetTheReferenceBytes() throws Exception {
        byte[] input = resource("/jcs/input/weird.json");
        byte[] expected = resource("/jcs/output/weird.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int i = 0; i < 200; i++) {
                        same &= Arrays.equals(expected, Json.canonicalize(input, JsonLimits.DEFAULT));
                    }
                    return same;
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = JcsTestVectorsTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
