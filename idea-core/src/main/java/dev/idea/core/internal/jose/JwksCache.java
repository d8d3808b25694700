package dev.idea.core.internal.jose;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The issuer's JWKS, cached with caffeine for a time to live measured on the injected clock, and
 * refreshed early at most once per minimum interval when a token names an unknown {@code kid} (the
 * interval runs from the last such refresh; ordinary fetches on a miss or after expiry do not count,
 * so a key rotated in just after a fetch is found at once).
 *
 * <p>Thread-safe. Concurrent callers that miss the cache wait for one fetch. A failed fetch is
 * never cached and never replaced by an older key set: the failure reaches the caller.
 */
final class JwksCache {
    private final JwksFetcher fetcher;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final Cache<URI, KeySet> cache;
    private final Object refreshLock = new Object();
    private volatile Instant lastRefresh = Instant.MIN;

    JwksCache(JwksFetcher fetcher, Duration ttl, Duration minRefreshInterval, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).executor(Runnable::run)
                .initialCapacity(1).build();
    }

    /**
     * Returns the cached key set, fetching it when absent or expired.
     *
     * @return the key set
     * @throws dev.idea.api.identity.IdentityException with {@code IDENTITY_JWKS_UNAVAILABLE}
     */
    KeySet current() {
        return cache.get(fetcher.uri(), uri -> load());
    }

    /**
     * Fetches the key set again because a token named an unknown kid, unless another thread already
     * brought that kid in or the last such refresh was less than the minimum interval ago (a failed refresh counts).
     *
     * @param kid the unknown kid
     * @return the new key set, or null when the refresh was rate-limited
     * @throws dev.idea.api.identity.IdentityException with {@code IDENTITY_JWKS_UNAVAILABLE}
     */
    KeySet refreshFor(String kid) {
        synchronized (refreshLock) {
            KeySet present = cache.getIfPresent(fetcher.uri());
            if (present != null && present.contains(kid)) {
                return present;
            }
            if (clock.instant().isBefore(nextRefreshAllowedAt())) {
                return null;
            }
            lastRefresh = clock.instant();
            KeySet fresh = load();
            cache.put(fetcher.uri(), fresh);
            return fresh;
        }
    }

    /**
     * Returns when the next kid-triggered refresh may happen.
     *
     * @return the instant
     */
    Instant nextRefreshAllowedAt() {
        Instant last = lastRefresh;
        return last.equals(Instant.MIN) ? last : last.plus(minRefreshInterval);
    }

    void invalidate() {
        cache.invalidateAll();
    }

    private KeySet load() {
        Instant now = clock.instant();
        return KeySet.parse(fetcher.fetch(), fetcher.uri(), now);
    }
}
