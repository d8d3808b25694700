package dev.idea.core.storage;

import dev.idea.api.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic batches the crash test appends: batch {@code k} holds {@code 1 + k % 5} entries,
 * and entry {@code i} is derived from {@code i} alone, so any prefix of the log can be checked.
 */
final class CrashWorkload {
    static final String LOG_NAME = "crash";
    private static final int CYCLE_ENTRIES = 15; // 1 + 2 + 3 + 4 + 5

    private CrashWorkload() {
    }

    static int batchSize(long k) {
        return 1 + (int) (k % 5);
    }

    /** Returns the log size before batch {@code k}. */
    static long start(long k) {
        int r = (int) (k % 5);
        return CYCLE_ENTRIES * (k / 5) + (long) r * (r + 1) / 2;
    }

    /** Returns the batch that starts at {@code size}, or -1 when {@code size} splits a batch. */
    static long batchAt(long size) {
        long k = (size / CYCLE_ENTRIES) * 5;
        while (start(k) < size) {
            k++;
        }
        return start(k) == size ? k : -1;
    }

    static List<Bytes> batch(long k) {
        List<Bytes> entries = new ArrayList<>();
        long first = start(k);
        for (int i = 0; i < batchSize(k); i++) {
            entries.add(entry(first + i));
        }
        return entries;
    }

    static Bytes entry(long index) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + 0x1234);
        int length = index % 97 == 0 ? 40_000 + random.nextInt(30_000) : 1 + random.nextInt(600);
        byte[] data = new byte[length];
        random.nextBytes(data);
        return Bytes.of(data);
    }
}
