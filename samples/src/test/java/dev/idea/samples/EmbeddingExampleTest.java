package dev.idea.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {

    /** The samples module directory: surefire runs tests there. */
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void main_samplePackage_printsSignatureIdAndVerifiedChain() throws IOException {
        String[] args = {MODULE.resolve("packages/hello-service-1.0.0.tar.gz").toString(), dir.toString()};

        String out = captureStdout(() -> EmbeddingExample.main(args));

        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).matches("manifestSignatureId: \\S+"), out);
        assertTrue(lines.get(1).matches("audit chain verified: [1-9]\\d* events"), out);
    }

    @Test
    void release_freshDataDirectory_returnsSignatureId() throws IOException {
        Path pkg = MODULE.resolve("packages/hello-service-1.0.0.tar.gz");
        String[] id = new String[1];

        String out = captureStdout(() -> id[0] = EmbeddingExample.release(dir, pkg));

        assertFalse(id[0].isBlank());
        assertTrue(out.startsWith("manifestSignatureId: " + id[0]), out);
    }

    @Test
    void readme_embeddingSnippet_isCopiedFromTheExample() throws IOException {
        String source = Files.readString(MODULE.resolve("src/main/java/dev/idea/samples/EmbeddingExample.java"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(MODULE.resolveSibling("README.md"), StandardCharsets.UTF_8);

        String fromSource = stripIndent(between(source, "// tag::embedding[]\n", "        // end::embedding[]\n"));
        String fromReadme = between(readme, "<!-- embedding example: copied from samples/src/main/java/dev/idea/samples/"
                + "EmbeddingExample.java -->\n```java\n", "```\n");

        assertEquals(fromSource, fromReadme, "README.md's embedding snippet differs from EmbeddingExample.java");
    }

    private static String between(String text, String start, String end) {
        Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), () -> "no text between \"" + start.strip() + "\" and \"" + end.strip() + "\"");
        return m.group(1);
    }

    /** The snippet sits inside a method; the README shows it flush left. */
    private static String stripIndent(String block) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private interface Action {
        void run() throws IOException;
    }

    private static String captureStdout(Action action) throws IOException {
        PrintStream original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
