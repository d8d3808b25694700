package dev.idea.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.idea.api.Bytes;
import dev.idea.api.Idea;
import dev.idea.api.IdeaFormats;
import dev.idea.api.Manifest;
import dev.idea.core.internal.json.Json;
import dev.idea.core.internal.json.JsonLimits;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFC 8785 canonicalization through the public API, beside the raw cost of hashing and of merely
 * tokenizing the same bytes.
 *
 * <ul>
 *   <li>{@link #canonicalize}: {@code Idea.formats().canonicalize} of a ~1.1 KB manifest-like
 *       document sent out of order and indented (1,150 bytes in, 1,027 canonical bytes out).</li>
 *   <li>{@link #canonicalJsonManifest}: {@code Idea.formats().canonicalJson(Manifest)}, record to
 *       canonical bytes, for a manifest of the same shape.</li>
 *   <li>{@link #internalCanonicalize}: the core's {@code Json.canonicalize} on a {@code byte[]},
 *       the same parse and write without the public API around it (its {@code Bytes} copies and
 *       engine lookup), to show what the API layer costs.</li>
 *   <li>{@link #baselineSha256}: bare JDK SHA-256 of the same input bytes, a floor that any
 *       digest-of-canonical-form pays anyway.</li>
 *   <li>{@link #baselineJacksonParse}: jackson-core streaming token loop over the same input,
 *       decoding every name and string and reading every number as a double: the parse work a
 *       canonicalizer cannot avoid, without sorting, duplicate checks or writing.</li>
 * </ul>
 *
 * <p>Goal: at least 300,000 canonicalizations per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class CanonicalizationBenchmark {

    private IdeaFormats formats;
    private Bytes json;
    private byte[] jsonArray;
    private Manifest manifest;
    private MessageDigest sha256;
    private JsonFactory jackson;

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public CanonicalizationBenchmark() {
    }

    /**
     * Resolves the formats and prepares the inputs, and checks that the measured calls do what
     * they claim so that a broken build cannot report a fast figure.
     *
     * @throws NoSuchAlgorithmException never on a Java platform
     */
    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        formats = Idea.formats();
        json = BenchmarkSupport.manifestLikeJson();
        jsonArray = json.toByteArray();
        manifest = BenchmarkSupport.manifest();
        sha256 = MessageDigest.getInstance("SHA-256");
        jackson = new JsonFactory();
        Bytes canonical = formats.canonicalize(json);
        if (!formats.canonicalize(canonical).equals(canonical) || canonical.size() >= json.size()) {
            throw new IllegalStateException("canonicalize is not idempotent or did not remove whitespace: " + canonical);
        }
        Bytes manifestJson = formats.canonicalJson(manifest);
        if (!formats.canonicalize(manifestJson).equals(manifestJson)) {
            throw new IllegalStateException("canonicalJson(Manifest) is not in canonical form: " + manifestJson);
        }
    }

    /**
     * Canonicalizes the non-canonical document through {@code Idea.formats()}.
     *
     * @return the canonical bytes
     */
    @Benchmark
    public Bytes canonicalize() {
        return formats.canonicalize(json);
    }

    /**
     * Writes the manifest record as canonical JSON through {@code Idea.formats()}.
     *
     * @return the canonical bytes
     */
    @Benchmark
    public Bytes canonicalJsonManifest() {
        return formats.canonicalJson(manifest);
    }

    /**
     * Reference: the core canonicalizer on a {@code byte[]}, without the public API around it.
     *
     * @return the canonical bytes
     */
    @Benchmark
    public byte[] internalCanonicalize() {
        return Json.canonicalize(jsonArray, JsonLimits.DEFAULT);
    }

    /**
     * Baseline: bare JDK SHA-256 of the input bytes.
     *
     * @return the digest
     */
    @Benchmark
    public byte[] baselineSha256() {
        return sha256.digest(jsonArray);
    }

    /**
     * Baseline: jackson-core tokenizes the input, decoding names and strings and reading numbers.
     * Folding what it read into a sum keeps the JIT from skipping the decoding.
     *
     * @return a sum over the values read
     * @throws IOException never for this well-formed input
     */
    @Benchmark
    public long baselineJacksonParse() throws IOException {
        long sum = 0;
        try (JsonParser parser = jackson.createParser(jsonArray)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME:
                    case VALUE_STRING:
                        sum += parser.getText().length();
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        sum += Double.doubleToRawLongBits(parser.getDoubleValue());
                        break;
                    default:
                        sum += token.id();
                        break;
                }
            }
        }
        return sum;
    }
}
