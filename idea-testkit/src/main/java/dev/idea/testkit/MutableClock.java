package dev.idea.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still at an instant the test sets or advances.
 *
 * <p>Pass it wherever IDEA takes a clock to make time-dependent behaviour (timestamps, maintenance
 * windows, ratification deadlines) deterministic. Clocks made by {@link #withZone} share the
 * instant of the clock they came from: advancing one advances all of them.
 *
 * <p>Thread-safe: the instant is held in an atomic reference.
 *
 * @since 0.1
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Returns a clock standing at {@code instant}, in UTC.
     *
     * @param instant the starting instant
     * @return a new clock
     */
    public static MutableClock at(Instant instant) {
        return at(instant, ZoneOffset.UTC);
    }

    /**
     * Returns a clock standing at {@code instant}, in {@code zone}.
     *
     * @param instant the starting instant
     * @param zone the zone the clock reports
     * @return a new clock
     */
    public static MutableClock at(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        return new MutableClock(new AtomicReference<>(instant), zone);
    }

    /**
     * Moves the clock to an instant, forwards or backwards.
     *
     * @param instant the new instant
     */
    public void setInstant(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Moves the clock forwards.
     *
     * @param amount how far, zero or positive
     * @return the new instant
     * @throws IllegalArgumentException when {@code amount} is negative (use {@link #setInstant} to go back)
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration " + amount
                    + "; use setInstant to move the clock back");
        }
        return now.updateAndGet(i -> i.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a clock in another zone that shares this clock's instant.
     *
     * @param zone the zone
     * @return a clock whose instant moves with this one
     */
    @Override
    public MutableClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new MutableClock(now, zone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "," + zone + "]";
    }
}
