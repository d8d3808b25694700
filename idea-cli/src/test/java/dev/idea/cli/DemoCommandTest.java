package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    private static final Pattern CHAIN = Pattern.compile("audit chain verified: (\\d+) events");

    @TempDir
    Path dir;

    @Test
    void demo_runTwice_extendsAndVerifiesTheSameChain() throws IOException {
        Path data = dir.resolve("idea-data");

        Invocation first = Invocation.run("demo", "--data-dir", data.toString());
        Invocation second = Invocation.run("demo", "--data-dir", data.toString());

        assertEquals(IdeaCommand.EXIT_OK, first.exitCode(), first::toString);
        assertEquals(IdeaCommand.EXIT_OK, second.exitCode(), second::toString);
        long firstCount = chainLength(first);
        long secondCount = chainLength(second);
        assertTrue(firstCount >= 4, first::toString);
        assertEquals(2 * firstCount, secondCount, second::toString);
        assertTrue(first.out().contains("previous manifest: none"), first::toString);
        assertTrue(second.out().contains("previous manifest: sha256:"), second::toString);
        assertTrue(first.out().contains("1.0.0+demo.1"), first::toString);
        assertTrue(second.out().contains("1.0.0+demo.2"), second::toString);
        assertEquals(2, manifestFiles(data).size(), () -> "manifest files " + manifestFiles(data));
        assertTrue(Files.isRegularFile(data.resolve("public-keys/release-signer.pem")));
    }

    @Test
    void demo_output_showsEveryStepInOrder() {
        Invocation result = Invocation.run("demo", "--data-dir", dir.resolve("d").toString());

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        List<String> lines = result.outLines();
        int at = -1;
        for (String step : new String[] {"submitted: hello-service-1.0.0.tar.gz, ", "validated: ", "manifest created: ",
            "signed: signer ", "signature verified", "signed manifest written: ", "audit chain verified: "}) {
            int found = indexOfPrefix(lines, step);
            assertTrue(found > at, () -> "step \"" + step + "\" missing or out of order in\n" + result.out());
            at = found;
        }
        assertTrue(result.lastOutLine().startsWith("audit chain verified: "), result::toString);
        assertTrue(result.out().contains("sha256:"), result::toString);
    }

    @Test
    void demo_missingPackage_namesItAndExitsWithError() {
        Path missing = dir.resolve("nope.tar.gz");

        Invocation result = Invocation.run("demo", "--data-dir", dir.resolve("d").toString(), "--package", missing.toString());

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("error: IDEA-"), result::toString);
        assertNotEquals(-1, result.stderr().indexOf("nope.tar.gz"), result::toString);
    }

    static long chainLength(Invocation result) {
        Matcher m = CHAIN.matcher(result.lastOutLine());
        assertTrue(m.matches(), () -> "last line is not the chain verification:\n" + result);
        return Long.parseLong(m.group(1));
    }

    static List<Path> manifestFiles(Path data) {
        try (Stream<Path> files = Files.list(data.resolve("manifests"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
