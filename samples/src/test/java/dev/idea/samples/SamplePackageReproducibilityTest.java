package dev.idea.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed sample package must be exactly what packages/build.sh makes from its sources. */
class SamplePackageReproducibilityTest {

    @Test
    void buildScript_check_reproducesCommittedArchive() throws IOException, InterruptedException {
        assumeTrue(gnuTarAvailable(), "needs bash and GNU tar");
        Path script = Path.of("packages", "build.sh").toAbsolutePath();

        Process process = new ProcessBuilder("bash", script.toString(), "--check").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "build.sh --check did not finish");
        assertEquals(0, process.exitValue(), output);
    }

    private static boolean gnuTarAvailable() {
        try {
            Process process = new ProcessBuilder("bash", "-c", "tar --version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && version.contains("GNU tar");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
