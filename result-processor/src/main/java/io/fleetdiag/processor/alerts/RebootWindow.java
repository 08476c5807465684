package io.fleetdiag.processor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily moment terminals restart themselves (Adyen's terminal setting restartHour, 06:00 local
 * by default) and how long a restart may keep a terminal off the cloud: a terminal that drops out
 * inside this window is not offline yet (docs/alerts.md#reboot-window).
 *
 * @param length zero turns the window off
 */
public record RebootWindow(int restartHour, Duration length, ZoneId zone) {

    public RebootWindow {
        if (restartHour < 0 || restartHour > 23) {
            throw new IllegalArgumentException("restartHour must be 0-23, not " + restartHour);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** The end of the window that {@code moment} falls in, if it falls in one. */
    public Optional<Instant> endOfWindowAround(Instant moment) {
        if (length.isZero()) {
            return Optional.empty();
        }
        ZonedDateTime local = moment.atZone(zone);
        // the window may have started the local day before, when it spans midnight
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            ZonedDateTime start = local.toLocalDate().minusDays(daysBack).atTime(LocalTime.of(restartHour, 0)).atZone(zone);
            Instant end = start.toInstant().plus(length);
            if (!moment.isBefore(start.toInstant()) && moment.isBefore(end)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }
}
