package dev.idea.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdeaCommandTest {

    @Test
    void run_noCommand_printsUsageAndExitsWithError() {
        Invocation result = Invocation.run();

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Missing command"), result::toString);
        assertTrue(result.stderr().contains("Usage: idea"), result::toString);
    }

    @Test
    void run_help_documentsCommandsAndExitCodes() {
        Invocation result = Invocation.run("--help");

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        String usage = result.out();
        for (String expected : new String[] {"demo", "canon", "verify", "Exit codes:", "0   success",
            "1   verification failed", "2   error"}) {
            assertTrue(usage.contains(expected), () -> "usage lacks \"" + expected + "\":\n" + usage);
        }
    }

    @Test
    void run_subcommandHelp_documentsExitCodes() {
        Invocation result = Invocation.run("verify", "--help");

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertTrue(result.out().contains("--public-key"), result::toString);
        assertTrue(result.out().contains("1   verification failed"), result::toString);
    }

    @Test
    void run_unknownOption_exitsWithUsageError() {
        Invocation result = Invocation.run("canon", "--no-such-option", "x.json");

        assertEquals(IdeaCommand.EXIT_ERROR, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("--no-such-option"), result::toString);
    }

    @Test
    void run_version_printsVersion() {
        Invocation result = Invocation.run("--version");

        assertEquals(IdeaCommand.EXIT_OK, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("idea "), result::toString);
    }
}
