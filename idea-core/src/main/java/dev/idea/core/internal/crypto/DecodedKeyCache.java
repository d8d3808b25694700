package dev.idea.core.internal.crypto;

import dev.idea.api.Bytes;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded map from SPKI bytes to decoded keys, so that each distinct key is parsed and
 * validated once.
 *
 * <p>Thread-safe and lock-free on hits. When full, an arbitrary entry is evicted; the order is
 * irrelevant because a miss only costs one more decode. Keys that fail to decode are not cached.
 */
final class DecodedKeyCache {
    /** Default number of decoded keys kept. */
    static final int DEFAULT_MAX_ENTRIES = 1024;

    private final int maxEntries;
    private final Function<Bytes, DecodedKey> decoder;
    private final ConcurrentHashMap<Bytes, DecodedKey> entries = new ConcurrentHashMap<>();

    DecodedKeyCache(int maxEntries, Function<Bytes, DecodedKey> decoder) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.decoder = decoder;
    }

    DecodedKey get(Bytes spki) {
        DecodedKey key = entries.get(spki);
        if (key != null) {
            return key;
        }
        key = decoder.apply(spki);
        while (entries.size() >= maxEntries) {
            Iterator<Bytes> it = entries.keySet().iterator();
            if (!it.hasNext()) {
                break;
            }
            it.next();
            it.remove();
        }
        DecodedKey raced = entries.putIfAbsent(spki, key);
        return raced != null ? raced : key;
    }

    int size() {
        return entries.size();
    }
}
