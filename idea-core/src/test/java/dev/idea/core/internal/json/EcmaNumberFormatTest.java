package dev.idea.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known-answer tests for ECMAScript number formatting (RFC 8785 section 3.2.2.3). */
class EcmaNumberFormatTest {

    /** RFC 8785 Appendix B, "Number Serialization Samples" (all finite rows). */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void formatNumber_rfc8785AppendixB_matchesEcmaScript(String hex, String expected) {
        assertEquals(expected, Json.formatNumber(fromHex(hex)));
    }

    /** RFC 8785 Appendix B rows 7ff0000000000000 (Infinity) and 7fffffffffffffff (NaN) must fail. */
    @ParameterizedTest
    @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void formatNumber_nonFinite_throws(String hex) {
        assertThrows(IllegalArgumentException.class, () -> Json.formatNumber(fromHex(hex)));
    }

    /** The cyberphone/json-canonicalization README sample lines of its es6testfile100m. */
    @ParameterizedTest
    @CsvSource({
        "4340000000000001, 9007199254740994",
        "4340000000000002, 9007199254740996",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "8000000000000000, 0",
        "0, 0",
    })
    void formatNumber_referenceReadmeSamples_matchEcmaScript(String hex, String expected) {
        assertEquals(expected, Json.formatNumber(fromHex(hex)));
    }

    @ParameterizedTest
    @CsvSource({
        "1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7", "1e-6, 0.000001", "0.1, 0.1",
        "-1.5, -1.5", "123456789012345680000, 123456789012345680000", "2e-323, 2e-323", "1.5e300, 1.5e+300",
        "4.35, 4.35", "0.000123, 0.000123", "5e-7, 5e-7", "-1e-7, -1e-7", "9007199254740993, 9007199254740992",
    })
    void formatNumber_layoutBoundaries_matchEcmaScript(double value, String expected) {
        assertEquals(expected, Json.formatNumber(value));
    }

    /**
     * Every line of jcs/numbers-es6.txt: hex bits and Number.prototype.toString output from V8, in
     * the format of cyberphone/json-canonicalization's es6testfile100m.
     */
    @Test
    void formatNumber_v8GeneratedSamples_allMatch() throws IOException {
        String text = new String(JcsTestVectorsTest.resource("/jcs/numbers-es6.txt"), StandardCharsets.US_ASCII);
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String expected = line.substring(comma + 1);
            String actual = Json.formatNumber(fromHex(line.substring(0, comma)));
            count++;
            if (!expected.equals(actual)) {
                failures.add(line + " -> " + actual);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(true, count > 900, "samples read: " + count);
    }

    /** The fixed-point logarithms must be exact over every exponent a double can produce. */
    @Test
    void logarithmApproximations_allDoubleExponents_areExact() {
        for (int q = -1100; q <= 1100; q++) {
            BigDecimal pow2 = q >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(q))
                    : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-q)));
            assertEquals(floorLog10(pow2), EcmaNumberFormat.flog10pow2(q), "q=" + q);
            assertEquals(floorLog10(pow2.multiply(new BigDecimal("0.75"))), EcmaNumberFormat.flog10threeQuartersPow2(q), "q=" + q);
        }
        for (int e = -400; e <= 400; e++) {
            BigInteger pow10 = BigInteger.TEN.pow(Math.abs(e));
            int expected = e >= 0 ? pow10.bitLength() - 1 : (e == 0 ? 0 : -pow10.bitLength());
            assertEquals(expected, EcmaNumberFormat.flog2pow10(e), "e=" + e);
        }
    }

    private static int floorLog10(BigDecimal positive) {
        return positive.precision() - positive.scale() - 1;
    }

    @Test
    void formatNumber_everyPowerOfTwoAndNeighbours_matchesReference() {
        for (int bq = 0; bq < 2047; bq++) {
            long bits = (long) bq << 52;
            for (long delta = -2; delta <= 2; delta++) {
                double d = Double.longBitsToDouble(Math.max(1, bits + delta));
                if (Double.isFinite(d)) {
                    assertEquals(ReferenceNumberFormat.format(d), Json.formatNumber(d), Long.toHexString(bits + delta));
                }
            }
        }
    }

    @Test
    void formatNumber_smallestSubnormals_matchReference() {
        for (long bits = 1; bits <= 2000; bits++) {
            double d = Double.longBitsToDouble(bits);
            assertEquals(ReferenceNumberFormat.format(d), Json.formatNumber(d), Long.toHexString(bits));
        }
    }

    static double fromHex(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex.trim(), 16));
    }
}
