package dev.idea.bench;

import dev.idea.api.HashAlgorithm;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.core.validation.PackageSource;
import dev.idea.core.validation.PackageValidation;
import dev.idea.core.validation.ValidationProfile;
import dev.idea.spi.validation.PackageValidator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Package validation throughput beside its raw baseline, in the same fork.
 *
 * <ul>
 *   <li>{@code rawSha256File}: read the 256 MB package file and SHA-256 it with the JDK, nothing else
 *       (the baseline);</li>
 *   <li>{@code checksumAndFormatTar}: the pipeline's checksum + format pass over the same file (an
 *       uncompressed tar; no validator configured, so nothing is written to disk): SHA-256, tar
 *       headers and checksums, entry policy;</li>
 *   <li>{@code checksumAndFormatTarGz}: the same over a gzip-compressed copy, for reference (inflate
 *       dominates);</li>
 *   <li>{@code fullPipeline50MB}: a typical 50 MB tar.gz (text sources, binaries, an SBOM and a
 *       LICENSE) unpacked into the sandbox and checked by every validator found on the class path
 *       (override with {@code -Didea.bench.validators=id,id}); when none is found, by
 *       {@link LineScanner}, a stand-in that reads every file line by line.</li>
 * </ul>
 *
 * <p>Throughput in MB/s is {@code 268.4 / score} for the 256 MB benchmarks (score in seconds per
 * operation). Run: {@code java -jar idea-bench/target/idea-bench.jar ValidationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ValidationBenchmark {
    private static final long LARGE_BYTES = 256L << 20;
    private static final String TYPE = "bench";

    private Path dir;
    private Path largeTar;
    private Path largeTarGz;
    private Path typical;
    private PackageValidation formatOnly;
    private PackageValidation full;

    /** Generates the packages (seeded, so every run measures the same bytes). */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("idea-validation-bench");
        largeTar = dir.resolve("large.tar");
        largeTarGz = dir.resolve("large.tar.gz");
        typical = dir.resolve("typical.tar.gz");
        writeLarge(largeTar, false);
        writeLarge(largeTarGz, true);
        writeTypical(typical);
        ValidationLimits limits = ValidationLimits.defaults();
        Path sandboxes = dir.resolve("sandboxes");
        formatOnly = new PackageValidation(ValidationProfile.none(), limits, sandboxes, null, 1);
        String ids = System.getProperty("idea.bench.validators", discoveredIds());
        if (ids.isEmpty()) {
            ids = LineScanner.ID; // no built-in validator on the class path: a content-reading stand-in
        }
        full = new PackageValidation(ValidationProfile.fromProperties(
                Map.of("idea.validation." + TYPE + ".validators", ids), List.of(new LineScanner())),
                limits, sandboxes, null, 1);
    }

    /** Removes the packages. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Baseline: SHA-256 of the 256 MB file, read with 64 KiB buffers.
     *
     * @return the digest
     */
    @Benchmark
    public byte[] rawSha256File() throws IOException {
        MessageDigest sha = HashAlgorithm.SHA_256.newMessageDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(largeTar)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }

    /**
     * The checksum + format pass over the 256 MB tar.
     *
     * @return the report
     */
    @Benchmark
    public ValidationReport checksumAndFormatTar() {
        return formatOnly.validate(PackageSource.of(largeTar), TYPE, null);
    }

    /**
     * The checksum + format pass over the 256 MB tar, gzip-compressed.
     *
     * @return the report
     */
    @Benchmark
    public ValidationReport checksumAndFormatTarGz() {
        return formatOnly.validate(PackageSource.of(largeTarGz), TYPE, null);
    }

    /**
     * The whole pipeline on a typical 50 MB package, on one validator thread.
     *
     * @return the report
     */
    @Benchmark
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 5)
    public ValidationReport fullPipeline50MB() {
        return full.validate(PackageSource.of(typical), TYPE, null);
    }

    private static String discoveredIds() {
        List<String> ids = new ArrayList<>();
        for (PackageValidator v : ServiceLoader.load(PackageValidator.class)) {
            if (!v.id().equals("smoke")) { // runs the package's own command: not part of a throughput figure
                ids.add(v.id());
            }
        }
        ids.sort(null);
        return String.join(",", ids);
    }

    /** 64 files of 4 MB of pseudo-random bytes (incompressible, so the gzip copy is about as large). */
    private static void writeLarge(Path file, boolean gzip) throws IOException {
        SplittableRandom random = new SplittableRandom(256);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            int files = 64;
            int size = (int) (LARGE_BYTES / files) - 512;
            for (int f = 0; f < files; f++) {
                out.write(header("data/part-" + f + ".bin", size));
                out.write(randomBytes(random, size));
                out.write(new byte[(512 - size % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
    }

    /** About 50 MB: 400 text sources, 20 binaries, a LICENSE and a CycloneDX SBOM. */
    private static void writeTypical(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(50);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), 1 << 16)) {
            entry(out, "LICENSE", "Apache License\nVersion 2.0, January 2004\n".getBytes(StandardCharsets.UTF_8));
            entry(out, "sbom.cdx.json", ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":["
                    + "{\"type\":\"library\",\"name\":\"jackson-core\",\"version\":\"2.18.2\","
                    + "\"purl\":\"pkg:maven/com.fasterxml.jackson.core/jackson-core@2.18.2\","
                    + "\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]}]}").getBytes(StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                text.setLength(0);
                for (int line = 0; line < 1500; line++) {
                    text.append("    int value").append(line).append(" = compute(").append(random.nextInt(1000))
                            .append("); // ").append(Long.toHexString(random.nextLong())).append('\n');
                }
                entry(out, "src/pkg" + i % 20 + "/File" + i + ".java", text.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 20; i++) {
                entry(out, "lib/blob" + i + ".bin", randomBytes(random, 1 << 20));
            }
            out.write(new byte[1024]);
        }
    }

    private static void entry(OutputStream out, String name, byte[] content) throws IOException {
        out.write(header(name, content.length));
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static byte[] randomBytes(SplittableRandom random, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i + 8 <= size; i += 8) {
            long r = random.nextLong();
            for (int j = 0; j < 8; j++) {
                b[i + j] = (byte) (r >>> (8 * j));
            }
        }
        return b;
    }

    private static byte[] header(String name, long size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = '0';
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
