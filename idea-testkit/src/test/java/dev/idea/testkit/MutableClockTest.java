package dev.idea.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant START = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void at_instant_standsStillInUtc() {
        MutableClock clock = MutableClock.at(START);
        assertEquals(START, clock.instant());
        assertEquals(START, clock.instant());
        assertEquals(START.toEpochMilli(), clock.millis());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void advance_duration_movesForward() {
        MutableClock clock = MutableClock.at(START);
        Instant after = clock.advance(Duration.ofMinutes(5));
        assertEquals(START.plusSeconds(300), after);
        assertEquals(after, clock.instant());
    }

    @Test
    void advance_negativeDuration_throws() {
        MutableClock clock = MutableClock.at(START);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertEquals(START, clock.instant());
    }

    @Test
    void setInstant_earlierInstant_movesBack() {
        MutableClock clock = MutableClock.at(START);
        clock.setInstant(START.minusSeconds(60));
        assertEquals(START.minusSeconds(60), clock.instant());
    }

    @Test
    void withZone_otherZone_sharesInstant() {
        MutableClock utc = MutableClock.at(START);
        ZoneId paris = ZoneId.of("Europe/Paris");
        MutableClock inParis = utc.withZone(paris);
        assertEquals(paris, inParis.getZone());
        utc.advance(Duration.ofHours(1));
        assertEquals(START.plusSeconds(3600), inParis.instant());
        inParis.setInstant(START);
        assertEquals(START, utc.instant());
    }

    @Test
    void withZone_sameZone_returnsSameClock() {
        MutableClock clock = MutableClock.at(START, ZoneId.of("Asia/Tokyo"));
        assertSame(clock, clock.withZone(ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void advance_fromEightThreads_losesNoUpdate() throws Exception {
        MutableClock clock = MutableClock.at(START);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 1000; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(START.plusMillis(8000), clock.instant());
    }
}
