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
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * <p>Goal: at least 300,000 canonicalizations per second on one core. On a loaded machine the
 * wall-clock scores of benchmarks run one after the other are not comparable; {@link #main} then
 * gives rates in thread CPU time, alternating all workloads in one thread:
 * {@code java -cp idea-bench/target/idea-bench.jar dev.idea.bench.CanonicalizationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class CanonicalizationBenchmark {

    /** Where {@link #main} puts each result, so that the JIT cannot drop the work. */
    private static volatile Object sink;

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

    /**
     * Prints each workload's rate per second of thread CPU time and the API canonicalization's
     * ratio to the jackson token loop, alternating 2,000 calls of each for 40 rounds and summing the
     * last 30.
     *
     * @param args ignored
     * @throws Exception when setup fails
     */
    public static void main(String[] args) throws Exception {
        CanonicalizationBenchmark b = new CanonicalizationBenchmark();
        b.setUp();
        List<Supplier<Object>> workloads = List.of(b::canonicalize, b::internalCanonicalize, b::canonicalJsonManifest,
                b::baselineSha256, b::jacksonParseUnchecked);
        String[] names = {"canonicalize", "internalCanonicalize", "canonicalJsonManifest", "baselineSha256",
            "baselineJacksonParse"};
        long[] nanos = cpuNanos(workloads, 40, 10, 2_000);
        for (int w = 0; w < names.length; w++) {
            System.out.printf(Locale.ROOT, "thread CPU time: %-22s %,10.0f /s%n", names[w], 30 * 2_000 / (nanos[w] / 1e9));
        }
        System.out.printf(Locale.ROOT, "canonicalize / jackson token loop: %.2f%n", (double) nanos[4] / nanos[0]);
    }

    /** Runs each workload {@code calls} times per round and sums its thread CPU time over the rounds after {@code warmup}. */
    static long[] cpuNanos(List<Supplier<Object>> workloads, int rounds, int warmup, int calls) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[workloads.size()];
        for (int round = 0; round < rounds; round++) {
            for (int w = 0; w < workloads.size(); w++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink = workloads.get(w).get();
                }
                if (round >= warmup) {
                    nanos[w] += cpu.getCurrentThreadCpuTime() - t0;
                }
            }
        }
        return nanos;
    }

    private Object jacksonParseUnchecked() {
        try {
            return baselineJacksonParse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
