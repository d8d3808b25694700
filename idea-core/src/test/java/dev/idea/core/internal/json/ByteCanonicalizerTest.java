package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.FormatException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level fast path against the jackson path it stands in for: on every document it accepts
 * the bytes must be identical, and every other document must come out of {@link Json#canonicalize}
 * exactly as out of the jackson path, refusals included.
 */
class ByteCanonicalizerTest {
    private static final String WHITESPACE = " \n\r\t";
    /** Bytes that break JSON in interesting ways when inserted. */
    private static final String NOISE = "{}[],:\"\\ 0-+.eE5tfnul/\u0000\u001f\u007f";

    @Property(tries = 3_000)
    void canonicalize_randomDocument_isAcceptedAndEqualsJacksonPath(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        byte[] input = print(JsonPropertiesTest.randomValue(r, 0), r, r.nextBoolean()).getBytes(StandardCharsets.UTF_8);

        assertTrue(ByteCanonicalizer.canonicalize(input, JsonLimits.DEFAULT, JsonWriter.open(16)), () -> text(input));
        assertArrayEquals(jackson(input), Json.canonicalize(input, JsonLimits.DEFAULT), () -> text(input));
    }

    @Property(tries = 5_000)
    void canonicalize_mutatedDocument_hasTheOutcomeOfJacksonPath(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        StringBuilder doc = new StringBuilder(print(JsonPropertiesTest.randomValue(r, 0), r, r.nextBoolean()));
        for (int m = 1 + r.nextInt(3); m > 0; m--) {
            mutate(doc, r);
        }
        byte[] input = doc.toString().getBytes(StandardCharsets.UTF_8);
        JsonLimits limits = new JsonLimits(1 << 20, 1 + r.nextInt(6), 1 + r.nextInt(40));

        assertEquals(outcome(() -> JsonCanonicalizer.withJackson(input, limits, JsonWriter::finish)),
                outcome(() -> Json.canonicalize(input, limits)), () -> text(input));
    }

    @Property(tries = 3_000)
    void canonicalize_documentWithBrokenUtf8_hasTheOutcomeOfJacksonPath(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        byte[] valid = print(JsonPropertiesTest.randomValue(r, 0), r, false).getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(valid, valid.length + 1);
        int at = r.nextInt(input.length);
        System.arraycopy(valid, at, input, at + 1, valid.length - at);
        input[at] = (byte) (0x80 + r.nextInt(0x80)); // a stray lead or continuation byte, maybe a valid sequence
        if (r.nextBoolean() && at + 1 < input.length) {
            input[at + 1] = (byte) (0x80 + r.nextInt(0x40));
        }

        assertEquals(outcome(() -> JsonCanonicalizer.withJackson(input, JsonLimits.DEFAULT, JsonWriter::finish)),
                outcome(() -> Json.canonicalize(input, JsonLimits.DEFAULT)), () -> HexFormat.of().formatHex(input));
    }

    @Test
    void canonicalize_supplementaryNameBeforePrivateUseName_sortsByUtf16CodeUnits() {
        // U+1F600 is D83D DE00 in UTF-16, below U+FB01, although its code point and UTF-8 bytes are above.
        byte[] input = "{\"\uFB01\":1,\"\uD83D\uDE00\":2,\"\u00e9\":3,\"z\":4}".getBytes(StandardCharsets.UTF_8);

        assertTrue(ByteCanonicalizer.canonicalize(input, JsonLimits.DEFAULT, JsonWriter.open(16)));
        assertEquals("{\"z\":4,\"\u00e9\":3,\"\uD83D\uDE00\":2,\"\uFB01\":1}",
                new String(Json.canonicalize(input, JsonLimits.DEFAULT), StandardCharsets.UTF_8));
    }

    /** The second input is declined (more bytes than the limit allows code units) and canonicalized by jackson. */
    @ParameterizedTest
    @ValueSource(strings = {"{ \"b\": [1.50, \"x\"], \"a\": null }", "[\"\u00e9\u00e9\u00e9\"]", "[1e400]"})
    void canonicalizeToBytes_fastOrJacksonPath_hasTheOutcomeOfCanonicalize(String json) {
        byte[] input = json.getBytes(StandardCharsets.UTF_8);
        JsonLimits limits = new JsonLimits(1024, 8, 3);

        assertEquals(outcome(() -> Json.canonicalize(input, limits)),
                outcome(() -> Json.canonicalizeToBytes(input, limits).toByteArray()));
    }

    @Test
    void canonicalize_namesSharingEightBytesOrEndingInNul_sortAsJacksonPath() {
        byte[] input = ("{\"abcdefghB\":1,\"abcdefghA\":2,\"abcdefgh\":3,\"a\\u0000\":4,\"a\":5,\"\":6,"
                + "\"a\\u0000b\":7,\"abcdefg\u00e9\":8,\"abcdefg\\u007f\":9}").getBytes(StandardCharsets.UTF_8);

        assertTrue(ByteCanonicalizer.canonicalize(input, JsonLimits.DEFAULT, JsonWriter.open(16)));
        assertArrayEquals(jackson(input), Json.canonicalize(input, JsonLimits.DEFAULT), () -> text(jackson(input)));
    }

    @Test
    void compareUtf8_prefixAndFirstDifference_orderAsStringCompareTo() {
        String[] names = {"", "a", "ab", "b", "\u007f", "\u0080", "\u07ff", "\u0800", "\uD7FF", "\uE000", "\uFFFF",
            "\uD800\uDC00", "\uDBFF\uDFFF", "x\uD83D\uDE00", "x\uFB01", "x\uFB01y", "x\uD83D\uDE01"};
        for (String a : names) {
            for (String b : names) {
                byte[] ab = (a + b).getBytes(StandardCharsets.UTF_8);
                int split = a.getBytes(StandardCharsets.UTF_8).length;

                assertEquals(Integer.signum(a.compareTo(b)),
                        Integer.signum(MemberSupport.compareUtf8(ab, 0, split, ab, split, ab.length)), a + " vs " + b);
            }
        }
    }

    @Test
    void canonicalize_manyMembersInReverseOrder_sortsWithMergeSort() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 99; i >= 0; i--) {
            sb.append(i < 99 ? "," : "").append("\"k").append(i).append("\":").append(i);
        }
        byte[] input = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);

        assertTrue(ByteCanonicalizer.canonicalize(input, JsonLimits.DEFAULT, JsonWriter.open(16)));
        assertArrayEquals(jackson(input), Json.canonicalize(input, JsonLimits.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5E3", "0.1", "-0", "-0.0", "0e5", "1e22", "1e23", "1E-22", "1e-23", "4.35", "2.5e-5",
        "87.50", "123456789012345678", "-123456789012345678", "1234567890123456789", "-12345678901234567",
        "9007199254740993", "999999999999999.9", "0.0000000000000000000000001", "1e-400", "5e-324", "1.7976931348623157e308",
        "123456789012345.6e7", "1e0000000000000000000000000000000001", "100000000000000000000000e-3", "0.30000000000000004"})
    void canonicalize_numberSpellings_equalJacksonPath(String number) {
        byte[] input = ("[" + number + "]").getBytes(StandardCharsets.UTF_8);

        assertTrue(ByteCanonicalizer.canonicalize(input, JsonLimits.DEFAULT, JsonWriter.open(16)), number);
        assertArrayEquals(jackson(input), Json.canonicalize(input, JsonLimits.DEFAULT), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"b\":1,\"a\":2,\"b\":3}", "[\"\\ud800\"]", "[\"\\udc00\\ud800\"]",
        "[1e400]", "[-Infinity]", "[NaN]", "[01]", "[1.]", "[.5]", "[+1]", "[1,]", "{\"a\":1,}", "[\"a\u0001\"]", "[tru]",
        "[truex]", "{\"a\" 1}", "[1] 2", "", "  ", "[\"\\x\"]", "[\"\\u12\"]", "{a:1}", "[[[[[[[[[[1]]]]]]]]]]"})
    void canonicalize_refusedInput_isDeclinedAndRefusedAsByJacksonPath(String json) {
        byte[] input = json.getBytes(StandardCharsets.UTF_8);
        JsonLimits limits = new JsonLimits(1024, 8, 1024);

        if (input.length > 0) {
            assertFalse(ByteCanonicalizer.canonicalize(input, limits, JsonWriter.open(16)), json);
        }
        String expected = outcome(() -> JsonCanonicalizer.withJackson(input, limits, JsonWriter::finish));
        assertTrue(expected.startsWith("JSON_"), expected);
        assertEquals(expected, outcome(() -> Json.canonicalize(input, limits)));
    }

    @Test
    void canonicalize_stringsAtTheLengthLimit_followJsonLimits() {
        JsonLimits limits = new JsonLimits(1024, 8, 3);
        for (String json : List.of("[\"abc\"]", "[\"abcd\"]", "{\"abc\":1}", "{\"abcd\":1}", "[\"\\u00e9\\u00e9\\u00e9\"]",
                "[\"\u00e9\u00e9\u00e9\"]", "[\"\uD83D\uDE00\uD83D\uDE00\"]", "[\"\uD83D\uDE00a\"]")) {
            byte[] input = json.getBytes(StandardCharsets.UTF_8);

            assertEquals(outcome(() -> JsonCanonicalizer.withJackson(input, limits, JsonWriter::finish)),
                    outcome(() -> Json.canonicalize(input, limits)), json);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static byte[] jackson(byte[] input) {
        return JsonCanonicalizer.withJackson(input, JsonLimits.DEFAULT, JsonWriter::finish);
    }

    private static String outcome(Supplier<byte[]> canonicalize) {
        try {
            return HexFormat.of().formatHex(canonicalize.get());
        } catch (FormatException e) {
            return e.errorCode() + ": " + e.getMessage();
        }
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    private static void mutate(StringBuilder doc, Random r) {
        int at = doc.length() == 0 ? 0 : r.nextInt(doc.length());
        switch (r.nextInt(4)) {
            case 0 -> {
                if (doc.length() > 0) {
                    doc.deleteCharAt(at);
                }
            }
            case 1 -> doc.insert(at, NOISE.charAt(r.nextInt(NOISE.length())));
            case 2 -> {
                int end = Math.min(doc.length(), at + 1 + r.nextInt(12));
                doc.insert(at, doc.substring(at, end)); // repeats a stretch, e.g. a member
            }
            default -> doc.insert(at, "\"" + (char) ('a' + r.nextInt(3)) + "\":" + r.nextInt(3) + ",");
        }
    }

    /** Prints a value with random whitespace, escapes and number spellings; names escaped only where required unless {@code escapeNames}. */
    static String print(JsonValue v, Random r, boolean escapeNames) {
        StringBuilder sb = new StringBuilder();
        print(v, r, escapeNames, sb);
        return sb.append(space(r)).toString();
    }

    private static void print(JsonValue v, Random r, boolean escapeNames, StringBuilder sb) {
        sb.append(space(r));
        if (v instanceof JsonObject o) {
            List<String> keys = new ArrayList<>(o.members().keySet());
            java.util.Collections.shuffle(keys, r);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? "," : "").append(space(r));
                string(keys.get(i), escapeNames ? r : null, sb);
                sb.append(space(r)).append(':');
                print(o.members().get(keys.get(i)), r, escapeNames, sb);
            }
            sb.append(space(r)).append('}');
        } else if (v instanceof JsonArray a) {
            sb.append('[');
            for (int i = 0; i < a.values().size(); i++) {
                sb.append(i > 0 ? "," : "");
                print(a.values().get(i), r, escapeNames, sb);
            }
            sb.append(space(r)).append(']');
        } else if (v instanceof JsonString s) {
            string(s.value(), r, sb);
        } else if (v instanceof JsonNumber n) {
            sb.append(number(n.value(), r));
        } else {
            sb.append(v instanceof JsonBoolean b ? String.valueOf(b.value()) : "null");
        }
    }

    private static String space(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(4) == 0 ? r.nextInt(4) : 0; i > 0; i--) {
            sb.append(WHITESPACE.charAt(r.nextInt(WHITESPACE.length())));
        }
        return sb.toString();
    }

    private static String number(double d, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Double.toString(d); // e.g. 1.0E10, -0.0
            case 1 -> new BigDecimal(d).toString(); // exact, possibly very long
            case 2 -> d == Math.rint(d) && Math.abs(d) < 1e18 ? Long.toString((long) d) : Double.toString(d);
            default -> Json.formatNumber(d);
        };
    }

    /** Writes a string literal: required escapes always, others (when {@code r} is given) at random. */
    private static void string(String s, Random r, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean must = c < 0x20 || c == '"' || c == '\\';
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && r != null && r.nextInt(4) == 0) {
                sb.append(String.format(Locale.ROOT, "\\u%04x\\u%04X", (int) c, (int) s.charAt(++i))); // a pair stays a pair
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                sb.append(c).append(s.charAt(++i));
            } else if (must || (r != null && r.nextInt(4) == 0)) {
                String shortForm = switch (c) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '/' -> "\\/";
                    default -> null;
                };
                sb.append(shortForm != null && (r == null || r.nextBoolean()) ? shortForm
                        : String.format(Locale.ROOT, r != null && r.nextBoolean() ? "\\u%04X" : "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
