package dev.idea.api.guard;

import dev.idea.api.ErrorCode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A recurring maintenance window: on some days of the week, from a local start time to a local
 * end time, in an IANA time zone.
 *
 * <p>The window holds the instants whose local wall-clock time in {@code zone} lies in
 * {@code [start, end)} on one of {@code days}. When {@code end} is before {@code start} the window
 * runs past midnight into the next day, and belongs to the day it starts on. Because the test is
 * on wall-clock time, daylight-saving changes are handled as people read a calendar: on the night
 * clocks go forward, local times that do not exist are simply not in the window (a 01:00-04:00
 * window lasts two hours); on the night they go back, the repeated hour is in the window twice (a
 * 01:00-04:00 window lasts four hours).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a name for audit events and messages
 * @param days the days the window starts on, at least one
 * @param start local start time, inclusive
 * @param end local end time, exclusive; must differ from {@code start}
 * @param zone an IANA zone such as {@code Europe/Berlin}
 * @since 0.2
 */
public record MaintenanceWindow(String name, Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    /** Validates the fields and copies the days. */
    public MaintenanceWindow {
        GuardException.requireText(name, "name");
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "maintenance window \"" + name
                    + "\" has no days; list at least one day of the week");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new GuardException(ErrorCode.GUARD_POLICY_INVALID, "maintenance window \"" + name + "\" starts and ends at "
                    + start + "; give an end time other than the start (an end before the start runs past midnight)");
        }
    }

    /**
     * Returns whether an instant falls in this window.
     *
     * @param instant the instant
     * @return true when its local time in {@link #zone()} lies in the window
     */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (start.isBefore(end)) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        return days.contains(day) && !time.isBefore(start) || days.contains(day.minus(1)) && time.isBefore(end);
    }
}
