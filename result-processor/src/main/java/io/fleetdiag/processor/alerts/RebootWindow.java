package io.fleetdiag.processor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily moment terminals restart themselves and how long a restart may keep a terminal off the cloud: a terminal that
 * drops out inside this window is not offline yet (docs/alerts.md#reboot-window). Each terminal restarts at its own time when
 * the inventory says it ({@code restartLocalTime}); {@code restartHour} (Adyen's default restartHour, 06:00) stands in for
 * the others.
 *
 * @param length zero turns the window off
 * @param zone   the terminals' time zone: the listing gives restartLocalTime in it without naming it
 */
public record RebootWindow(int restartHour, Duration length, ZoneId zone) {

    public RebootWindow {
        if (restartHour < 0 || restartHour > 23) {
            throw new IllegalArgumentException("restartHour must be 0-23, not " + restartHour);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * The end of the window that {@code moment} falls in, if it falls in one, for a terminal restarting at
     * {@code restartLocalTime} ({@code HH:mm}, as the inventory carries it); null or not a time of day: the global hour.
     */
    public Optional<Instant> endOfWindowAround(Instant moment, String restartLocalTime) {
        LocalTime restart = restartTime(restartLocalTime);
        if (length.isZero()) {
            return Optional.empty();
        }
        ZonedDateTime local = moment.atZone(zone);
        // the window may have started the local day before, when it spans midnight
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime start = local.toLocalDate().minusDays(daysBack).atTime(restart).atZone(zone);
            Instant end = start.toInstant().plus(length);
            if (!moment.isBefore(start.toInstant()) && moment.isBefore(end)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }

    private LocalTime restartTime(String restartLocalTime) {
        if (restartLocalTime != null) {
            try {
                return LocalTime.parse(restartLocalTime);
            } catch (DateTimeParseException e) {
                // the poller normalises it; an older or foreign writer's value falls back to the global hour
            }
        }
        return LocalTime.of(restartHour, 0);
    }
}
