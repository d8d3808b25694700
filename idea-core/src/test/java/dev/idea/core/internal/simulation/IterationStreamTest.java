package dev.idea.core.internal.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class IterationStreamTest {

    @Test
    void reset_iterationZero_matchesReferenceXoroshiro128ppSeededBySplitMix64() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = IterationStreamTest.class.getResourceAsStream("/simulation/xoroshiro128pp-splitmix64.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(lines::add);
        }
        assertThat(lines).hasSize(2);
        IterationStream stream = new IterationStream();
        for (String line : lines) {
            String[] parts = line.split(":");
            stream.reset(Long.parseUnsignedLong(parts[0], 16), 0);
            for (String expected : parts[1].split(",")) {
                assertThat(Long.toHexString(stream.nextLong())).as(line).isEqualTo(expected.replaceFirst("^0+(?=.)", ""));
            }
        }
    }

    @Test
    void reset_iterationI_continuesTheSplitMix64SequenceOfTheSeed() {
        // iteration i takes SplitMix64 outputs 2i+1 and 2i+2 of the seed: the same as iteration 0 of seed + 2i·φ
        long seed = 42;
        long gamma = 0x9e3779b97f4a7c15L;
        IterationStream a = new IterationStream();
        IterationStream b = new IterationStream();
        a.reset(seed, 5);
        b.reset(seed + 10 * gamma, 0);
        for (int i = 0; i < 8; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void stream_equalsCommonsRngRandomSourceWithTheSameState() {
        long s0 = IterationStream.mix64(7 + 0x9e3779b97f4a7c15L);
        long s1 = IterationStream.mix64(7 + 2 * 0x9e3779b97f4a7c15L);
        UniformRandomProvider reference = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
        IterationStream stream = new IterationStream();
        stream.reset(7, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(stream.nextLong()).isEqualTo(reference.nextLong());
        }
        assertThat(IterationStream.algorithmName()).isEqualTo(IterationStream.ALGORITHM);
    }

    @Test
    void nextDouble_isTheTop53BitsOfNextLongScaledIntoTheUnitInterval() {
        IterationStream a = new IterationStream();
        IterationStream b = new IterationStream();
        a.reset(-1, 123_456);
        b.reset(-1, 123_456);
        for (int i = 0; i < 1000; i++) {
            double d = a.nextDouble();
            assertThat(d).isEqualTo((b.nextLong() >>> 11) * 0x1.0p-53).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void reset_sameSeedAndIteration_givesTheSameStreamAndOtherIterationsDiffer() {
        IterationStream a = new IterationStream();
        a.reset(42, 3);
        long first = a.nextLong();
        a.reset(42, 4);
        long other = a.nextLong();
        a.reset(42, 3);
        assertThat(a.nextLong()).isEqualTo(first).isNotEqualTo(other);
    }

    @Test
    void commonsRngVersion_isTheVersionOnTheClassPath() {
        assertThat(IterationStream.commonsRngVersion()).isEqualTo("1.6");
    }
}
