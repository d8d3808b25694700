package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GB package validates in a child JVM limited to 128 MB of heap: generated on the fly as a tar of
 * 16 pseudo-random 64 MB files, unpacked into the sandbox and read end to end by a validator.
 *
 * <p>It writes about 2 GB to the temporary directory and takes about 6 s on two cores; skip it with
 * {@code -Didea.test.large-package=false}. Its figures are in {@code docs/benchmarks.md}.
 */
@DisabledIfSystemProperty(named = "idea.test.large-package", matches = "false")
class LargePackageTest {
    private static final int FILES = 16;
    private static final int FILE_BYTES = 64 * 1000 * 1000 - 1024; // 16 files + headers = just under 1e9 bytes

    @TempDir
    Path dir;

    /** Reads every file to its end, as a content-scanning validator would. */
    public static final class ReadAll implements PackageValidator {
        /** Creates the validator. */
        public ReadAll() {
        }

        @Override
        public String id() {
            return "read-all";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public ValidatorOutcome validate(PackageView pkg, ValidatorSettings settings) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (PackageEntry e : pkg.entries()) {
                if (e.type() == PackageEntry.Type.FILE) {
                    try (InputStream in = pkg.open(e)) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            total += n;
                        }
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }
            }
            return total == (long) FILES * FILE_BYTES ? ValidatorOutcome.pass() : new ValidatorOutcome(List.of(
                    new dev.idea.spi.validation.Finding(dev.idea.spi.validation.Finding.Severity.ERROR, "read-all",
                            "read " + total + " bytes", "", 0, -1)), List.of());
        }
    }

    @Test
    void validate_oneGigabytePackage_staysWithin128MegabytesOfHeap() throws Exception {
        Path pkg = dir.resolve("large.tar");
        long started = System.nanoTime();
        generate(pkg);
        long generated = System.nanoTime();
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                pkg.toString(), dir.resolve("sandboxes").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("passed=true");
        System.err.printf("1 GB package: generated in %d ms; %s%n", (generated - started) / 1_000_000, output.strip());
        assertThat(dir.resolve("sandboxes").toFile().list()).isEmpty();
    }

    private static void generate(Path pkg) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pkg), 1 << 20)) {
            for (int f = 0; f < FILES; f++) {
                out.write(TarHeaders.fileHeader("data/part-" + f + ".bin", FILE_BYTES));
                long left = FILE_BYTES;
                while (left > 0) {
                    for (int i = 0; i < block.length; i += 8) {
                        long r = random.nextLong();
                        for (int j = 0; j < 8; j++) {
                            block[i + j] = (byte) (r >>> (8 * j));
                        }
                    }
                    int n = (int) Math.min(block.length, left);
                    out.write(block, 0, n);
                    left -= n;
                }
                out.write(new byte[(512 - FILE_BYTES % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
    }

    /** The child JVM: validates the package and prints the figures. */
    public static final class Child {
        private Child() {
        }

        /**
         * Validates one package.
         *
         * @param args package path and sandbox parent
         */
        public static void main(String[] args) {
            PrintStream out = System.out;
            long start = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
            Thread sampler = new Thread(() -> {
                Runtime rt = Runtime.getRuntime();
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            ValidationProfile profile = ValidationProfile.fromProperties(
                    Map.of("idea.validation.large.validators", "read-all"), List.of(new ReadAll()));
            ValidationReport report = new PackageValidation(profile, ValidationLimits.defaults(), Path.of(args[1]), null, 1)
                    .validate(PackageSource.of(Path.of(args[0])), "large", null);
            long ms = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            out.printf("size=%d entries=%d passed=%s validated in %d ms, peak sampled heap use %d MB (max heap %d MB)%n", report.size(),
                    report.entries(), report.passed(), ms, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
