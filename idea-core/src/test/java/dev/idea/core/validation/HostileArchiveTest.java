package dev.idea.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idea.api.Bytes;
import dev.idea.api.ErrorCode;
import dev.idea.api.ValidationException;
import dev.idea.api.ValidationLimits;
import dev.idea.api.ValidationReport;
import dev.idea.spi.validation.PackageEntry;
import dev.idea.spi.validation.PackageValidator;
import dev.idea.spi.validation.PackageView;
import dev.idea.spi.validation.ValidatorOutcome;
import dev.idea.spi.validation.ValidatorSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives: each is refused with its error code, and nothing is written outside the sandbox.
 * The sandboxes are created three levels below the temporary directory, so that a write escaping
 * with {@code ../../..} would land inside it, where the test looks.
 */
class HostileArchiveTest {
    @TempDir
    Path temp;
    private Path sandboxes;

    /** Records what it saw, so tests can check what was unpacked. */
    static final class Recorder implements PackageValidator {
        final AtomicReference<List<PackageEntry>> entries = new AtomicReference<>();

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public ValidatorOutcome validate(PackageView pkg, ValidatorSettings settings) {
            entries.set(pkg.entries());
            return ValidatorOutcome.pass();
        }
    }

    private final Recorder recorder = new Recorder();

    @BeforeEach
    void createSandboxParent() throws IOException {
        sandboxes = Files.createDirectories(temp.resolve("a/b/c"));
    }

    private ValidationReport validate(byte[] pkg, ValidationLimits limits) {
        ValidationProfile profile = ValidationProfile.fromProperties(
                Map.of("idea.validation.service-release.validators", "recorder"), List.of(recorder));
        try {
            return new PackageValidation(profile, limits, sandboxes, null, 1)
                    .validate(PackageSource.of(Bytes.of(pkg)), "service-release", null);
        } finally {
            assertNothingLeft();
        }
    }

    private void assertRefused(byte[] pkg, ErrorCode code) {
        assertRefused(pkg, ValidationLimits.defaults(), code);
    }

    private void assertRefused(byte[] pkg, ValidationLimits limits, ErrorCode code) {
        assertThatThrownBy(() -> validate(pkg, limits))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errorCode()).as(e.getMessage()).isEqualTo(code));
    }

    private void assertNothingLeft() {
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.map(p -> temp.relativize(p).toString()).sorted().toList())
                    .as("files left outside or inside the sandbox").containsExactly("", "a", "a/b", "a/b/c");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void validate_zipSlip_refusedAsPathTraversal() throws IOException {
        assertRefused(zip(Map.of("../../../../evil.txt", "pwned")), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
        assertRefused(new TarBuilder().file("ok/../../../../evil.txt", "pwned").tarGz(), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
    }

    @Test
    void validate_absolutePath_refusedAsPathTraversal() {
        assertRefused(new TarBuilder().file("/tmp/evil.txt", "pwned").tar(), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
        assertRefused(new TarBuilder().file("C:/evil.txt", "pwned").tar(), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
        assertRefused(new TarBuilder().file("a\\..\\..\\evil.txt", "pwned").tar(), ErrorCode.ARCHIVE_PATH_TRAVERSAL);
    }

    @Test
    void validate_symlinkEscape_refusedAsLinkEscape() {
        assertRefused(new TarBuilder().symlink("link", "../../../../etc").tarGz(), ErrorCode.ARCHIVE_LINK_ESCAPE);
        assertRefused(new TarBuilder().symlink("link", "/etc/passwd").tar(), ErrorCode.ARCHIVE_LINK_ESCAPE);
    }

    @Test
    void validate_entryThroughSymlink_refusedAsLinkEscape() {
        assertRefused(new TarBuilder().symlink("d", "sub").file("d/x", "through the link").tar(), ErrorCode.ARCHIVE_LINK_ESCAPE);
    }

    @Test
    void validate_hardLinkToMissingOrOutsideTarget_refusedAsLinkEscape() {
        assertRefused(new TarBuilder().hardLink("h", "../../etc/passwd").tar(), ErrorCode.ARCHIVE_LINK_ESCAPE);
        assertRefused(new TarBuilder().hardLink("h", "later").file("later", "x").tar(), ErrorCode.ARCHIVE_LINK_ESCAPE);
    }

    @Test
    void validate_insideLinks_areRecordedWithoutBeingCreated() {
        byte[] pkg = new TarBuilder().file("bin/app", "run").symlink("bin/current", "app").symlink("up", "bin/../bin/app")
                .hardLink("copy", "bin/app").tarGz();
        ValidationReport report = validate(pkg, ValidationLimits.defaults());
        assertThat(report.passed()).isTrue();
        assertThat(recorder.entries.get()).containsExactly(
                new PackageEntry("bin/app", PackageEntry.Type.FILE, 3),
                new PackageEntry("bin/current", PackageEntry.Type.SYMLINK, 0),
                new PackageEntry("copy", PackageEntry.Type.FILE, 3),
                new PackageEntry("up", PackageEntry.Type.SYMLINK, 0));
    }

    @Test
    void validate_zipBombOf42Kilobytes_refusedAsBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 43; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = bytes.toByteArray();
        assertThat(bomb.length).isLessThan(48 * 1024);
        assertRefused(bomb, ErrorCode.ARCHIVE_BOMB);
    }

    @Test
    void validate_gzipBomb_refusedAsBomb() {
        assertRefused(dev.idea.core.TestPackages.gzip(new byte[40 << 20]), ErrorCode.ARCHIVE_BOMB);
    }

    @Test
    void validate_hundredThousandTinyEntries_refusedAsTooManyEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= 100_000; i++) {
                zip.putNextEntry(new ZipEntry("f" + i));
                zip.closeEntry();
            }
        }
        assertRefused(bytes.toByteArray(), ErrorCode.ARCHIVE_TOO_MANY_ENTRIES);
    }

    @Test
    void validate_truncatedGzip_refusedAsUnreadable() {
        byte[] pkg = new TarBuilder().file("a.txt", "x".repeat(5000)).file("b.txt", "y".repeat(5000)).tarGz();
        assertRefused(Arrays.copyOf(pkg, pkg.length - 20), ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void validate_tarWithDuplicateEntry_refusedAsDuplicate() {
        assertRefused(new TarBuilder().file("a.txt", "one").file("a.txt", "two").tar(), ErrorCode.ARCHIVE_DUPLICATE_ENTRY);
        assertRefused(new TarBuilder().file("a.txt", "one").file("./a.txt", "two").tar(), ErrorCode.ARCHIVE_DUPLICATE_ENTRY);
        assertRefused(new TarBuilder().file("a", "file").file("a/b", "under a file").tar(), ErrorCode.ARCHIVE_DUPLICATE_ENTRY);
        assertRefused(new TarBuilder().file("a/b", "x").file("a", "file over a dir").tar(), ErrorCode.ARCHIVE_DUPLICATE_ENTRY);
    }

    @Test
    void validate_nonUtf8Name_refusedAsNameEncoding() throws IOException {
        assertRefused(new TarBuilder().rawName(new byte[] {'a', (byte) 0xff, 'b'}, "x").tar(), ErrorCode.ARCHIVE_NAME_ENCODING);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("caf\u00e9\u00ff.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        assertRefused(bytes.toByteArray(), ErrorCode.ARCHIVE_NAME_ENCODING);
    }

    @Test
    void validate_controlCharacterInName_refusedAsNameEncoding() {
        assertRefused(new TarBuilder().file("a\u001bb", "x").tar(), ErrorCode.ARCHIVE_NAME_ENCODING);
    }

    @Test
    void validate_tooDeepPath_refusedAsTooDeep() {
        assertRefused(new TarBuilder().file("d/".repeat(40) + "f", "x").tar(), ErrorCode.ARCHIVE_TOO_DEEP);
    }

    @Test
    void validate_deviceOrFifo_refusedAsUnsupported() {
        assertRefused(new TarBuilder().typed("dev/sda", '4').tar(), ErrorCode.ARCHIVE_ENTRY_UNSUPPORTED);
        assertRefused(new TarBuilder().typed("pipe", '6').tar(), ErrorCode.ARCHIVE_ENTRY_UNSUPPORTED);
    }

    @Test
    void validate_paxPathTraversal_refusedAsPathTraversal() {
        byte[] pkg = new TarBuilder().pax(TarBuilder.paxRecord("path", "../../../../evil")).file("innocent", "x").tar();
        assertRefused(pkg, ErrorCode.ARCHIVE_PATH_TRAVERSAL);
    }

    @Test
    void validate_paxLongName_isHonoured() {
        String longName = "dir/" + "n".repeat(150) + ".txt";
        byte[] pkg = new TarBuilder().pax(TarBuilder.paxRecord("path", longName)).file("short", "x").tar();
        validate(pkg, ValidationLimits.defaults());
        assertThat(recorder.entries.get()).extracting(PackageEntry::path).containsExactly(longName);
    }

    @Test
    void validate_zipWithEntryHiddenFromCentralDirectory_refusedAsUnreadable() throws IOException {
        byte[] visible = zip(Map.of("a.txt", "visible"));
        byte[] hidden = zip(Map.of("b.txt", "hidden"));
        // The local entry of "b.txt" in front of a complete zip whose central directory does not list it
        // (readers of the central directory allow a prefix, as in self-extracting archives).
        int localEnd = indexOf(hidden, new byte[] {'P', 'K', 1, 2});
        byte[] crafted = new byte[localEnd + visible.length];
        System.arraycopy(hidden, 0, crafted, 0, localEnd);
        System.arraycopy(visible, 0, crafted, localEnd, visible.length);
        assertRefused(crafted, ErrorCode.PACKAGE_UNREADABLE);
    }

    @Test
    void validate_passingPackage_removesItsSandbox() {
        ValidationReport report = validate(new TarBuilder().directory("d").file("d/f.txt", "hello").tarGz(),
                ValidationLimits.defaults());
        assertThat(report.passed()).isTrue();
        assertThat(recorder.entries.get()).extracting(PackageEntry::path).containsExactly("d", "d/f.txt");
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
