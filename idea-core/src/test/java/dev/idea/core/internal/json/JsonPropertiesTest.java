package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of parsing, canonical writing and number formatting. */
class JsonPropertiesTest {

    @Property(tries = 300)
    void canonicalize_anyDocument_isIdempotent(@ForAll("documents") JsonValue value) {
        byte[] once = Json.canonicalize(pretty(value).getBytes(java.nio.charset.StandardCharsets.UTF_8), JsonLimits.DEFAULT);

        assertArrayEquals(once, Json.canonicalize(once, JsonLimits.DEFAULT));
        assertArrayEquals(Json.write(value), once);
    }

    @Property(tries = 300)
    void parse_writtenValue_equalsOriginal(@ForAll("documents") JsonValue value) {
        assertEquals(value, Json.parse(Json.write(value), JsonLimits.DEFAULT));
    }

    @Property(tries = 20_000)
    void formatNumber_anyFiniteDouble_readsBackExactly(@ForAll("finiteDoubles") double d) {
        String text = Json.formatNumber(d);

        assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(text), text);
    }

    @Property(tries = 5_000)
    void formatNumber_anyFiniteDouble_noShorterDecimalReadsBack(@ForAll("finiteDoubles") double d) {
        BigDecimal written = new BigDecimal(Json.formatNumber(d)).stripTrailingZeros();
        int digits = written.precision();
        if (digits == 1 || d == 0) {
            return;
        }
        BigDecimal exact = new BigDecimal(d);
        int fewer = digits - 1;
        BigDecimal below = exact.round(new MathContext(fewer, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(fewer, RoundingMode.CEILING));

        assertNotEquals(d, below.doubleValue(), () -> below + " is shorter than " + written);
        assertNotEquals(d, above.doubleValue(), () -> above + " is shorter than " + written);
    }

    /** On JDK 19+ Double.toString yields the shortest, closest digits (JDK-4511638): an independent oracle. */
    @Property(tries = 20_000)
    void formatNumber_anyFiniteDouble_hasSameDigitsAsModernJdk(@ForAll("finiteDoubles") double d) {
        if (Runtime.version().feature() < 19 || d == 0) {
            return;
        }
        BigDecimal jdk = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        BigDecimal ours = new BigDecimal(Json.formatNumber(d)).stripTrailingZeros();

        if (ours.precision() == 1) {
            // Double.toString never renders fewer than two digits (4.9E-324 where ECMAScript has 5e-324).
            assertEquals(true, jdk.precision() <= 2, jdk + " vs " + ours);
        } else {
            assertEquals(jdk, ours);
        }
    }

    @Property(tries = 20_000)
    void formatNumber_anyFiniteDouble_equalsExactBigDecimalReference(@ForAll("finiteDoubles") double d) {
        assertEquals(ReferenceNumberFormat.format(d), Json.formatNumber(d));
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.longs().between(-(1L << 60), 1L << 60).map(l -> (double) l),
                Arbitraries.integers().between(-9_999_999, 9_999_999).flatMap(m -> Arbitraries.integers().between(-30, 30)
                        .map(e -> m * Math.pow(10, e))),
                Arbitraries.longs().between(0, 1L << 52).map(Double::longBitsToDouble));
    }

    @Provide
    Arbitrary<JsonValue> documents() {
        return Arbitraries.longs().map(seed -> randomValue(new Random(seed), 0));
    }

    static JsonValue randomValue(Random r, int depth) {
        int kind = r.nextInt(depth >= 4 ? 4 : 6);
        switch (kind) {
            case 0:
                return new JsonString(randomString(r));
            case 1:
                return new JsonNumber(randomNumber(r));
            case 2:
                return JsonBoolean.of(r.nextBoolean());
            case 3:
                return JsonNull.INSTANCE;
            case 4:
                List<JsonValue> values = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    values.add(randomValue(r, depth + 1));
                }
                return new JsonArray(values);
            default:
                JsonObject.Builder b = JsonObject.builder();
                java.util.Set<String> used = new java.util.HashSet<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    String key = randomString(r);
                    if (used.add(key)) {
                        b.put(key, randomValue(r, depth + 1));
                    }
                }
                return b.build();
        }
    }

    private static double randomNumber(Random r) {
        switch (r.nextInt(3)) {
            case 0:
                return r.nextInt();
            case 1:
                double d = Double.longBitsToDouble(r.nextLong());
                return Double.isFinite(d) ? d : 1.5;
            default:
                return r.nextInt(100_000) / 100.0;
        }
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int pick = r.nextInt(10);
            int cp;
            if (pick < 5) {
                cp = 0x20 + r.nextInt(0x5F);
            } else if (pick < 6) {
                cp = r.nextInt(0x20);
            } else if (pick < 7) {
                cp = "\"\\/\u007f".charAt(r.nextInt(4));
            } else {
                do {
                    cp = r.nextInt(0x110000);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** Writes a value with whitespace, non-canonical escapes and shuffled member order. */
    static String pretty(JsonValue v) {
        StringBuilder sb = new StringBuilder();
        pretty(v, sb);
        return sb.toString();
    }

    private static void pretty(JsonValue v, StringBuilder sb) {
        if (v instanceof JsonObject o) {
            sb.append("{ ");
            List<String> keys = new ArrayList<>(o.members().keySet());
            java.util.Collections.reverse(keys);
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? " ,\n " : "");
                escaped(keys.get(i), sb);
                sb.append(" : ");
                pretty(o.members().get(keys.get(i)), sb);
            }
            sb.append(" }");
        } else if (v instanceof JsonArray a) {
            sb.append("[\t");
            for (int i = 0; i < a.values().size(); i++) {
                sb.append(i > 0 ? " , " : "");
                pretty(a.values().get(i), sb);
            }
            sb.append(" ]");
        } else if (v instanceof JsonString s) {
            escaped(s.value(), sb);
        } else if (v instanceof JsonNumber n) {
            sb.append(new BigDecimal(n.value()).toString()); // exact, long, E-notation: not canonical
        } else if (v instanceof JsonBoolean b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    private static void escaped(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F || (i % 3 == 0 && c >= 'a' && c <= 'z')) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
