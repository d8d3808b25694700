package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path samplePackage() {
        return SamplePackage.locate(Path.of("").toAbsolutePath());
    }

    @Test
    void validate_samplePackage_passesAndWritesTheReport() throws IOException {
        Path report = dir.resolve("validation.json");
        Invocation result = Invocation.run("validate", "--package", samplePackage().toString(), "--out", report.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertTrue(result.out().contains("check archive: passed - tar+gzip"), result::toString);
        assertEquals("result: PASSED", result.lastOutLine(), result::toString);
        String json = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"payloadType\":\"application/vnd.in-toto+json\""), json);
    }

    @Test
    void validate_samplePackageTwiceWithSmoke_writesByteIdenticalReports() throws IOException {
        Path config = Files.writeString(dir.resolve("validation.properties"),
                "idea.validation.service-release.validators=" + DemoCommand.DEMO_VALIDATORS + "\n", StandardCharsets.UTF_8);
        byte[][] reports = new byte[2][];
        for (int run = 0; run < 2; run++) {
            Path report = dir.resolve("validation-" + run + ".json");
            Invocation result = Invocation.run("validate", "--package", samplePackage().toString(), "--out", report.toString(),
                    "--config", config.toString(), "--data-dir", dir.resolve("data").toString());
            assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
            assertTrue(result.out().contains("validator smoke 1.0.0: PASSED\n  INFO idea-package.json:3 smoke.passed: smoke command"
                    + " bin/start.sh --name smoke test exited with 0"), result::toString);
            reports[run] = Files.readAllBytes(report);
        }
        assertArrayEquals(reports[0], reports[1]);
    }

    @Test
    void validate_zipSlip_exitsWithErrorAndItsCode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../evil"));
            zip.write(1);
            zip.closeEntry();
        }
        Path pkg = Files.write(dir.resolve("evil.zip"), bytes.toByteArray());

        Invocation result = Invocation.run("validate", "--package", pkg.toString(), "--data-dir", dir.resolve("data").toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("IDEA-3100 ARCHIVE_PATH_TRAVERSAL"), result::toString);
    }

    @Test
    void validate_truncatedPackage_exitsWithError() throws IOException {
        byte[] pkg = Files.readAllBytes(samplePackage());
        Path truncated = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(pkg, pkg.length / 2));

        Invocation result = Invocation.run("validate", "--package", truncated.toString(), "--data-dir", dir.resolve("data").toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("PACKAGE_UNREADABLE"), result::toString);
    }

    @Test
    void validate_unknownValidatorInConfig_exitsWithError() throws IOException {
        Path config = Files.writeString(dir.resolve("validation.properties"),
                "idea.validation.service-release.validators=no-such-validator\n");

        Invocation result = Invocation.run("validate", "--package", samplePackage().toString(), "--config", config.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("no-such-validator"), result::toString);
    }
}
