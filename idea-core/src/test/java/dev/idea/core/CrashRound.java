package dev.idea.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One round of a crash test: starts a child JVM running an appender, reads the sizes it prints after
 * each acknowledged append, and kills it with SIGKILL at a random moment.
 *
 * <p>The child prints {@code ready <n>} once it has opened its storage, then one decimal size per
 * acknowledged append.
 */
public final class CrashRound {
    private CrashRound() {
    }

    /**
     * Runs the child and kills it.
     *
     * @param appender the child's main class; its only argument is {@code dir}
     * @param dir the data directory the child appends to
     * @param errFile where the child's standard error goes
     * @param random the seeded schedule
     * @param round the round number, for thread names
     * @param earlyKillMillis bound of the delay when the child is killed during start-up (one round in ten)
     * @param killMillis bound of the delay after the child is ready
     * @param where seed and round, for failure messages
     * @return the largest size the child acknowledged before it died
     * @throws Exception when the child cannot be started or waited for
     */
    public static long runAndKill(Class<?> appender, Path dir, Path errFile, SplittableRandom random, int round,
                                  int earlyKillMillis, int killMillis, String where) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), appender.getName(), dir.toString())
                .redirectError(errFile.toFile())
                .start();
        AtomicLong acknowledged = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcknowledgements(child, acknowledged, ready), "crash-reader-" + round);
        reader.start();
        if (random.nextInt(10) == 0) {
            Thread.sleep(random.nextInt(earlyKillMillis)); // kill during start-up or recovery
        } else {
            assertTrue(ready.await(60, TimeUnit.SECONDS) || !child.isAlive(), "child did not start; " + where);
            Thread.sleep(random.nextInt(killMillis));
        }
        boolean aliveBeforeKill = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not die; " + where);
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(aliveBeforeKill, "child exited by itself with " + child.exitValue() + ": "
                + Files.readString(errFile) + "; " + where);
        return acknowledged.get();
    }

    private static void readAcknowledgements(Process child, AtomicLong acknowledged, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ready ")) {
                    ready.countDown();
                } else if (!line.isEmpty()) {
                    try {
                        acknowledged.accumulateAndGet(Long.parseLong(line), Math::max);
                    } catch (NumberFormatException e) {
                        return; // a line cut by the kill: its append was acknowledged but the proof is lost
                    }
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read so far counts.
        }
    }
}
