package dev.idea.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idea.api.Bytes;
import dev.idea.api.Idea;
import dev.idea.api.Manifest;
import dev.idea.api.SignatureAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every benchmark's setup and each measured method once, so that {@code mvn verify} proves
 * the benchmarks work and measure what they claim. Nothing here is timed.
 */
class BenchmarkSmokeTest {

    /**
     * Expected RFC 8785 form of {@link BenchmarkSupport#MANIFEST_LIKE_JSON}, written by hand from
     * RFC 8785 sections 3.2.2 (numbers as ECMAScript: 87.50 -> 87.5, 1.5E3 -> 1500; strings with
     * only the mandatory escapes, so \u00eb becomes the raw UTF-8 character) and 3.2.3 (members
     * sorted by UTF-16 code units).
     */
    private static final String EXPECTED_CANONICAL = "/manifest-like.canonical.json";

    @Test
    void canonicalize_manifestLikeDocument_matchesHandWrittenCanonicalForm() throws IOException {
        byte[] expected;
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream(EXPECTED_CANONICAL)) {
            assertNotNull(in, EXPECTED_CANONICAL + " is missing from the test resources");
            expected = in.readAllBytes();
        }

        Bytes canonical = Idea.formats().canonicalize(BenchmarkSupport.manifestLikeJson());

        assertArrayEquals(expected, canonical.toByteArray(), canonical::utf8String);
    }

    @Test
    void canonicalizationBenchmark_everyMethod_returnsResult() throws Exception {
        var benchmark = new CanonicalizationBenchmark();
        benchmark.setUp();

        assertEquals(1027, benchmark.canonicalize().size());
        assertArrayEquals(benchmark.canonicalize().toByteArray(), benchmark.internalCanonicalize());
        assertTrue(benchmark.canonicalJsonManifest().size() > 900, "manifest JSON should be about 1 KB");
        assertEquals(32, benchmark.baselineSha256().length);
        assertEquals(benchmark.baselineJacksonParse(), benchmark.baselineJacksonParse());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void dsseBenchmark_everyMethod_signsAndVerifies(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        var benchmark = new DsseBenchmark();
        benchmark.algorithm = algorithm;
        benchmark.setUp();

        assertEquals(1, benchmark.sign().signatures().size());
        assertEquals(1, benchmark.verify().verifiedBy().size());
        assertTrue(benchmark.baselineSign().length > 0);
        assertTrue(benchmark.baselineVerify());
    }

    @Test
    void manifestSignBenchmark_everyMethod_producesManifestEnvelope() {
        var benchmark = new ManifestSignBenchmark();
        benchmark.setUp();

        assertEquals(Manifest.PAYLOAD_TYPE, benchmark.buildCanonicalizeSign().payloadType());
        assertEquals(Idea.formats().canonicalJson(BenchmarkSupport.manifest()), benchmark.buildCanonicalize());
        assertEquals(64, benchmark.baselineEd25519Sign().length);
    }
}
