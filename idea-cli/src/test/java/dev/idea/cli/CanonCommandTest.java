package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors under src/test/resources/jcs; their sources are listed in jcs/SOURCES.md. */
class CanonCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "jcs/rfc8785-3.2.2.input.json, jcs/rfc8785-3.2.3.output.json",
        "jcs/values.input.json, jcs/values.output.json"})
    void canon_knownAnswerVector_printsExactCanonicalBytes(String input, String expected) {
        Invocation result = Invocation.run("canon", resource(input).toString());

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertArrayEquals(bytes(expected), result.stdout(), result::toString);
        assertEquals("", result.stderr());
    }

    @Test
    void canon_dash_readsStandardInput() {
        Invocation result = Invocation.runWithInput(bytes("jcs/rfc8785-3.2.2.input.json"), "canon", "-");

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertArrayEquals(bytes("jcs/rfc8785-3.2.3.output.json"), result.stdout(), result::toString);
    }

    @Test
    void canon_duplicateKey_printsErrorCodeAndExitsNonZero() {
        Invocation result = Invocation.run("canon", resource("jcs/duplicate-key.json").toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-1002 JSON_DUPLICATE_KEY: "), result::toString);
        assertEquals(1, result.stderr().lines().count(), result::toString);
        assertEquals(0, result.stdout().length, result::toString);
    }

    @Test
    void canon_duplicateKeyVerbose_addsStackTrace() {
        Invocation result = Invocation.run("canon", "--verbose", resource("jcs/duplicate-key.json").toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-1002 JSON_DUPLICATE_KEY: "), result::toString);
        assertTrue(result.stderr().contains("\tat "), result::toString);
    }

    @Test
    void canon_malformedJson_printsErrorCode() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"a\": ", StandardCharsets.UTF_8);

        Invocation result = Invocation.run("canon", file.toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-"), result::toString);
        assertFalse(result.stderr().contains("\tat "), result::toString);
    }

    @Test
    void canon_missingFile_namesFileAndExitsWithError() {
        Path missing = dir.resolve("missing.json");

        Invocation result = Invocation.run("canon", missing.toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertEquals("error: cannot read " + missing + ": no such file; check the path", result.stderr().strip());
    }

    static Path resource(String name) {
        try {
            return Path.of(CanonCommandTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = CanonCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
