package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    static Path dir;

    static Path data;
    static String manifestId;

    @BeforeAll
    static void runDemo() {
        data = dir.resolve("idea-data");
        Invocation demo = Invocation.run("demo", "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, demo.exitCode(), demo::toString);
        String file = DemoCommandTest.manifestFiles(data).get(0).getFileName().toString();
        manifestId = file.substring(0, file.length() - ".json".length());
    }

    @Test
    void exportThenVerifyBundle_offline() {
        Path bundle = dir.resolve("bundle.json.gz");
        Invocation export = Invocation.run("audit", "export", "--manifest", manifestId, "-o", bundle.toString(),
                "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, export.exitCode(), export::toString);
        Invocation verify = Invocation.run("audit", "verify-bundle", bundle.toString());
        assertEquals(IdeaCommand.EXIT_OK, verify.exitCode(), verify::toString);
        assertTrue(verify.out().contains("events proven: 4"), verify::toString);
        assertEquals("bundle verified", verify.lastOutLine(), verify::toString);
    }

    @Test
    void verifyBundle_truncatedFile_failsWithItsCode() throws IOException {
        Path bundle = dir.resolve("whole.json.gz");
        Invocation.run("audit", "export", "--manifest", manifestId, "-o", bundle.toString(), "--data-dir", data.toString());
        byte[] all = Files.readAllBytes(bundle);
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 20));
        Invocation verify = Invocation.run("audit", "verify-bundle", cut.toString());
        assertEquals(IdeaCommand.EXIT_VERIFICATION_FAILED, verify.exitCode(), verify::toString);
        assertTrue(verify.stderr().contains("IDEA-4110 EVIDENCE_BUNDLE_INVALID"), verify::toString);
    }

    @Test
    void verifyAndProve_onTheDemoLog() {
        Invocation verify = Invocation.run("audit", "verify", "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, verify.exitCode(), verify::toString);
        assertTrue(verify.out().startsWith("events: "), verify::toString);
        Invocation prove = Invocation.run("audit", "prove", "--index", "1", "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, prove.exitCode(), prove::toString);
        assertTrue(prove.out().contains("inclusion proof: leaf 1 in tree of"), prove::toString);
        Invocation consistency = Invocation.run("audit", "prove", "--consistency", "1", "3", "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, consistency.exitCode(), consistency::toString);
        assertTrue(consistency.out().contains("consistency proof: 1 -> 3"), consistency::toString);
        Invocation jsonl = Invocation.run("audit", "jsonl", "-o", dir.resolve("audit.jsonl").toString(), "--data-dir", data.toString());
        assertEquals(IdeaCommand.EXIT_OK, jsonl.exitCode(), jsonl::toString);
    }
}
