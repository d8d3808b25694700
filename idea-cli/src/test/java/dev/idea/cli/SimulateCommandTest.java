package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final String SPEC = Path.of("..", "samples", "simulation", "readiness-spec.json").toString();

    @TempDir
    Path dir;

    @Test
    void simulate_specSeedAndOutput_writesARecordThatReplays() {
        Path report = dir.resolve("report.json");
        Invocation run = Invocation.run("simulate", "--spec", SPEC, "--seed", "42", "--iterations", "3000", "-o",
                report.toString());

        assertEquals(IdeaCommand.EXIT_OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("readinessScore "), run::toString);
        assertTrue(run.out().contains("seed 42, 3000 iterations"), run::toString);
        assertTrue(Files.exists(report));

        Invocation replay = Invocation.run("simulate", "--replay", report.toString(), "--threads", "1");
        assertEquals(IdeaCommand.EXIT_OK, replay.exitCode(), replay::toString);
        assertTrue(replay.out().startsWith("replay verified: seed 42, 3000 iterations, resultDigest sha256:"), replay::toString);
    }

    @Test
    void simulate_threadCount_doesNotChangeTheResultDigest() {
        String one = Invocation.run("simulate", "--spec", SPEC, "--iterations", "2500", "--threads", "1", "-o",
                dir.resolve("a.json").toString()).out();
        String two = Invocation.run("simulate", "--spec", SPEC, "--iterations", "2500", "--threads", "2", "-o",
                dir.resolve("b.json").toString()).out();
        assertEquals(digest(one), digest(two));
    }

    @Test
    void simulate_withoutOutput_writesTheRecordToStandardOutput() {
        Invocation run = Invocation.run("simulate", "--spec", SPEC, "--iterations", "1000");

        assertEquals(IdeaCommand.EXIT_OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("{\"_type\":\"https://in-toto.io/Statement/v1\""), run::toString);
    }

    @Test
    void simulate_replayOfAnEditedRecord_exitsOneNamingTheSeed() throws IOException {
        Path report = dir.resolve("report.json");
        assertEquals(IdeaCommand.EXIT_OK, Invocation.run("simulate", "--spec", SPEC, "--seed", "7", "--iterations", "1200",
                "-o", report.toString()).exitCode());
        String json = Files.readString(report, StandardCharsets.UTF_8);
        Files.writeString(report, json.replaceFirst("\"halted\":(\\d+)", "\"halted\":99999"), StandardCharsets.UTF_8);

        Invocation replay = Invocation.run("simulate", "--replay", report.toString());
        assertEquals(IdeaCommand.EXIT_VERIFICATION_FAILED, replay.exitCode(), replay::toString);
        assertTrue(replay.stderr().startsWith("error: IDEA-8004 SIMULATION_REPLAY_MISMATCH: replay of seed 7 "), replay::toString);
    }

    @Test
    void simulate_zeroIterations_exitsTwoWithItsCode() {
        Invocation run = Invocation.run("simulate", "--spec", SPEC, "--iterations", "0");

        assertEquals(IdeaCommand.EXIT_ERROR, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("error: IDEA-8001 SIMULATION_ITERATIONS_INVALID: "), run::toString);
    }

    @Test
    void simulate_malformedSpec_exitsTwoWithTheJsonCode() throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.json"), "{\"schema\": ", StandardCharsets.UTF_8);
        Invocation run = Invocation.run("simulate", "--spec", spec.toString(), "--seed", "1");

        assertEquals(IdeaCommand.EXIT_ERROR, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("error: IDEA-1001 JSON_MALFORMED: "), run::toString);
    }

    @Test
    void simulate_specAndReplayTogether_isAUsageError() {
        Invocation run = Invocation.run("simulate", "--spec", SPEC, "--replay", SPEC);

        assertEquals(IdeaCommand.EXIT_ERROR, run.exitCode(), run::toString);
    }

    private static String digest(String summary) {
        int i = summary.indexOf("resultDigest ");
        assertTrue(i >= 0, summary);
        return summary.substring(i, summary.indexOf('\n', i));
    }
}
