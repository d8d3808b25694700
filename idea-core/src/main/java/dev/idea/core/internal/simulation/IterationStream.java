package dev.idea.core.internal.simulation;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random stream of one simulation iteration: xoroshiro128++ (commons-rng
 * {@code XO_RO_SHI_RO_128_PP}) seeded from (seed, iteration) by SplitMix64.
 *
 * <p>The state of iteration {@code i} is {@code (mix64(seed + (2i+1)·φ), mix64(seed + (2i+2)·φ))},
 * i.e. outputs {@code 2i+1} and {@code 2i+2} of a SplitMix64 generator started at {@code seed}
 * (φ = 0x9e3779b97f4a7c15, mix64 = the SplitMix64 finaliser). Distinct iterations therefore get
 * distinct states, and the stream of an iteration does not depend on which thread runs it or on what
 * ran before. Doubles are made here, not by commons-rng, because commons-rng promises only its native
 * {@code long} stream across releases: {@code (nextLong() >>> 11) × 2^-53}, uniform on [0, 1) with
 * 53 random bits.
 *
 * <p>Not thread-safe: each worker thread owns one instance and {@link #reset}s it per iteration.
 */
public final class IterationStream {
    /** The commons-rng name of the generator. */
    public static final String ALGORITHM = "XO_RO_SHI_RO_128_PP";
    /** Identifies the derivation described above; part of every simulation record. */
    public static final String STREAM_SCHEME = "splitmix64-pairs-v1;u=(nextLong>>>11)*2^-53";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private XoRoShiRo128PlusPlus generator = new XoRoShiRo128PlusPlus(1L, 2L);

    /** Creates a stream; call {@link #reset} before drawing. */
    public IterationStream() {
    }

    /**
     * Positions this stream at the start of an iteration's stream.
     *
     * @param seed the simulation seed
     * @param iteration the iteration, from 0
     */
    public void reset(long seed, long iteration) {
        long s0 = mix64(seed + (2 * iteration + 1) * GOLDEN_GAMMA);
        long s1 = mix64(seed + (2 * iteration + 2) * GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA; // xoroshiro's one forbidden state; mix64 is a bijection, so this is one case in 2^128
        }
        generator = new XoRoShiRo128PlusPlus(s0, s1);
    }

    /**
     * Returns the next 64-bit output of the generator.
     *
     * @return the value
     */
    public long nextLong() {
        return generator.nextLong();
    }

    /**
     * Returns the next uniform double in [0, 1): the top 53 bits of {@link #nextLong()} times 2^-53.
     *
     * @return the value
     */
    public double nextDouble() {
        return (generator.nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * Returns the SplitMix64 finaliser (Stafford's mix variant 13) of a value: a bijection on longs.
     *
     * @param z the value
     * @return the mixed value
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the version of commons-rng on the class or module path, from its jar manifest or module
     * descriptor.
     *
     * @return e.g. {@code 1.6}, or {@code unknown}
     */
    public static String commonsRngVersion() {
        String version = RandomSource.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = RandomSource.class.getModule().getDescriptor() == null ? null
                    : RandomSource.class.getModule().getDescriptor().rawVersion().orElse(null);
        }
        return version == null ? "unknown" : version;
    }

    /**
     * Returns the commons-rng name of the generator, checked against {@link RandomSource}.
     *
     * @return {@link #ALGORITHM}
     */
    static String algorithmName() {
        return RandomSource.XO_RO_SHI_RO_128_PP.name();
    }
}
