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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 *   <li>{@code fullPipeline50MB}: a typical 50 MB tar.gz (sources, documentation, a minified
 *       bundle, binaries, an SBOM and a LICENSE: see {@code writeTypical}) unpacked into the sandbox
 *       and checked by every validator found on the class path, the ten built-in ones included
 *       ({@code smoke} finds no smoke declaration in this package; override with
 *       {@code -Didea.bench.validators=id,id}); when none is found, by {@link LineScanner}, a
 *       stand-in that reads every file line by line. <b>One core:</b> the pipeline runs one
 *       validator at a time ({@code parallelism} 1) after unpacking on the calling thread, and its
 *       fork runs with {@code -XX:ActiveProcessorCount=1}, so the JVM also sizes its GC and JIT
 *       for one CPU; pin the whole run with {@code taskset -c 0} to forbid the OS from using a second
 *       core, or read {@link #main}'s process CPU time.</li>
 * </ul>
 *
 * <p>The generated packages are forced to disk in {@link #setUp()}, so that the write-back of the
 * ~570 MB just written does not run during the first measurements of a fork.
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
        for (Path p : List.of(largeTar, largeTarGz, typical)) {
            try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
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

    /**
     * Prints CPU-time figures that load on the machine does not inflate: the checksum + format pass
     * against the raw SHA-256 baseline in thread CPU time (alternating, 8 rounds, the first 2 dropped),
     * and the full pipeline on the typical package in process CPU time (every thread: validators, GC,
     * JIT), i.e. the time it needs on one core.
     *
     * @param args ignored
     * @throws IOException when the packages cannot be written
     */
    public static void main(String[] args) throws IOException {
        ValidationBenchmark b = new ValidationBenchmark();
        b.setUp();
        try {
            ThreadMXBean thread = ManagementFactory.getThreadMXBean();
            long raw = 0;
            long pass = 0;
            for (int round = 0; round < 8; round++) {
                long t0 = thread.getCurrentThreadCpuTime();
                b.rawSha256File();
                long t1 = thread.getCurrentThreadCpuTime();
                b.checksumAndFormatTar();
                long t2 = thread.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "round %d: rawSha256File %.0f ms, checksumAndFormatTar %.0f ms CPU (%.1f %%)%n",
                        round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, 100.0 * (t1 - t0) / (t2 - t1));
                if (round >= 2) {
                    raw += t1 - t0;
                    pass += t2 - t1;
                }
            }
            System.out.printf(Locale.ROOT, "checksum + format pass: %.1f %% of raw SHA-256 throughput (thread CPU time, goal >= 80 %%)%n",
                    100.0 * raw / pass);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int round = 0; round < 6; round++) {
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                b.fullPipeline50MB();
                System.out.printf(Locale.ROOT, "fullPipeline50MB round %d: %.2f s process CPU, %.2f s wall%n", round,
                        (os.getProcessCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9);
            }
        } finally {
            b.tearDown();
        }
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
     * The whole pipeline on a typical 50 MB package, one validator at a time, in a JVM sized for one CPU.
     *
     * @return the report
     */
    @Benchmark
    @Warmup(iterations = 1, time = 5)
    @Measurement(iterations = 3, time = 5)
    @Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
    public ValidationReport fullPipeline50MB() {
        return full.validate(PackageSource.of(typical), TYPE, null);
    }

    private static String discoveredIds() {
        List<String> ids = new ArrayList<>();
        for (PackageValidator v : ServiceLoader.load(PackageValidator.class)) {
            ids.add(v.id());
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

    /**
     * The "typical" package: 423 files, about 52 MB of content (a 55.1 MB tar, 30.5 MB as tar.gz; seeded):
     * <ul>
     *   <li>a {@code LICENSE} (Apache-2.0 header) and a CycloneDX SBOM {@code sbom.cdx.json} with one
     *       component;</li>
     *   <li>360 Java sources of 1,500 lines each (about 27 MB): identifiers, numbers and hex comments,
     *       and in every tenth file an {@code import javax.crypto.Cipher;} / {@code "AES/GCM/NoPadding"}
     *       line (export-control keywords);</li>
     *   <li>40 documentation and configuration files of 2,000 lines each (about 3 MB): prose, URLs,
     *       {@code key=value} settings, version strings and dates, with an example.com e-mail address
     *       and a contact number in each, and a SHA-256 hex digest per 50 lines;</li>
     *   <li>one minified JavaScript bundle with a single 1 MB line (cut into 16 KB segments);</li>
     *   <li>20 binaries of 1 MB pseudo-random bytes (scanned as printable runs).</li>
     * </ul>
     */
    private static void writeTypical(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(50);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), 1 << 16)) {
            entry(out, "LICENSE", "Apache License\nVersion 2.0, January 2004\n".getBytes(StandardCharsets.UTF_8));
            entry(out, "sbom.cdx.json", ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":["
                    + "{\"type\":\"library\",\"name\":\"jackson-core\",\"version\":\"2.18.2\","
                    + "\"purl\":\"pkg:maven/com.fasterxml.jackson.core/jackson-core@2.18.2\","
                    + "\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]}]}").getBytes(StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 360; i++) {
                text.setLength(0);
                if (i % 10 == 0) {
                    text.append("import javax.crypto.Cipher;\n    Cipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");\n");
                }
                for (int line = 0; line < 1500; line++) {
                    text.append("    int value").append(line).append(" = compute(").append(random.nextInt(1000))
                            .append("); // ").append(Long.toHexString(random.nextLong())).append('\n');
                }
                entry(out, "src/pkg" + i % 20 + "/File" + i + ".java", text.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 40; i++) {
                text.setLength(0);
                text.append("Contact: maintainers@example.com, +1 (555) 0100 in office hours.\n");
                for (int line = 0; line < 2000; line++) {
                    switch (line % 5) {
                        case 0 -> text.append("The service reads its settings at start-up; see https://docs.example.org/v")
                                .append(random.nextInt(10)).append('.').append(random.nextInt(20)).append("/config.html\n");
                        case 1 -> text.append("server.port=").append(8000 + random.nextInt(1000))
                                .append("\ncache.ttl=PT").append(random.nextInt(60)).append("M\n");
                        case 2 -> text.append("- ").append(2020 + random.nextInt(6)).append('-').append(1 + random.nextInt(12))
                                .append("-").append(1 + random.nextInt(28)).append(": release ").append(random.nextInt(5))
                                .append('.').append(random.nextInt(30)).append(" fixes issue #").append(random.nextInt(5000))
                                .append('\n');
                        case 3 -> text.append(line % 50 == 3 ? "digest: " + hex(random, 32) : "Each entry is checked before"
                                + " it is released, and its findings are listed by file and line.").append('\n');
                        default -> text.append('\n');
                    }
                }
                entry(out, "docs/guide" + i + (i % 2 == 0 ? ".md" : ".properties"), text.toString().getBytes(StandardCharsets.UTF_8));
            }
            text.setLength(0);
            while (text.length() < (1 << 20)) {
                text.append("function f").append(random.nextInt(100_000)).append("(a,b){return a+b*").append(random.nextInt(100))
                        .append("};var s=\"").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append("\";");
            }
            entry(out, "web/bundle.min.js", text.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                entry(out, "lib/blob" + i + ".bin", randomBytes(random, 1 << 20));
            }
            out.write(new byte[1024]);
        }
    }

    private static String hex(SplittableRandom random, int bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            b.append(String.format("%02x", random.nextInt(256)));
        }
        return b.toString();
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
