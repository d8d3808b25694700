package dev.idea.core.validation.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idea.api.IdeaException;
import dev.idea.core.internal.json.JsonLimits;

/**
 * Fuzzes the CycloneDX / SPDX JSON parser with Jazzer: any bytes either parse into a document or are
 * refused with an {@link IdeaException} carrying an error code, never another exception or a hang.
 *
 * <p>The normal suite replays the seeds in {@code SbomFuzzTestInputs/}; {@code -Pfuzz} fuzzes for
 * {@code maxDuration} (see {@code docs/validation.md}).
 */
class SbomFuzzTest {
    private static final JsonLimits LIMITS = new JsonLimits(1 << 20, 32, 1 << 16);

    @FuzzTest(maxDuration = "60s")
    void parse_anyBytes_parsesOrRefusesWithACode(byte[] data) {
        try {
            SbomDocument document = SbomParser.parse(data, LIMITS);
            assertThat(document).isNotNull();
        } catch (IdeaException e) {
            assertThat(e.errorCode()).isNotNull();
        }
    }
}
