package io.fleetdiag.notifier.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A recurring weekly span of local time, e.g. Monday to Friday 22:00 to 06:00. A span whose end is not
 * after its start crosses midnight: it starts on each of the days and ends on the next morning, so
 * "FRI 22:00-06:00" covers Saturday 03:00. {@code from == to} means the whole day.
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public WeeklyWindow {
        days = Set.copyOf(Objects.requireNonNull(days, "days"));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a weekly window needs at least one day");
        }
    }

    public boolean contains(ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (from.equals(to)) {
            return days.contains(day);
        }
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        // crosses midnight: the evening part on one of the days, or the morning part on the day after one
        return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
    }
}
