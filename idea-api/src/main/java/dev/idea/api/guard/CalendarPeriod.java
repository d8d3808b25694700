package dev.idea.api.guard;

import dev.idea.api.ErrorCode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A dated period in an IANA time zone, used for freeze periods and one-time maintenance windows.
 *
 * <p>The period runs from {@code start} (inclusive) to {@code end} (exclusive), both local date-times
 * in {@code zone}, resolved as {@link java.time.ZonedDateTime#of} does: a local time in a
 * daylight-saving gap moves forward by the length of the gap, one in an overlap takes the earlier
 * offset.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a name for audit events and messages, e.g. {@code year-end-freeze}
 * @param start local start, inclusive
 * @param end local end, exclusive; must resolve to a later instant than {@code start}
 * @param zone an IANA zone
 * @since 0.2
 */
public record CalendarPeriod(String name, LocalDateTime start, LocalDateTime end, ZoneId zone) {

    /** Validates the fields. */
    public CalendarPeriod {
        GuardException.requireText(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!start.atZone(zone).toInstant().isBefore(end.atZone(zone).toInstant())) {
            throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "period \"" + name + "\" from " + start + " to " + end
                    + " in " + zone + " is empty; give an end after the start");
        }
    }

    /**
     * Returns the first instant of the period.
     *
     * @return the start instant
     */
    public Instant startInstant() {
        return start.atZone(zone).toInstant();
    }

    /**
     * Returns the first instant after the period.
     *
     * @return the end instant
     */
    public Instant endInstant() {
        return end.atZone(zone).toInstant();
    }

    /**
     * Returns whether an instant falls in the period.
     *
     * @param instant the instant
     * @return true when {@code startInstant() <= instant < endInstant()}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(startInstant()) && instant.isBefore(endInstant());
    }
}
