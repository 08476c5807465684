package io.fleetdiag.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeeklyWindowTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(AMSTERDAM);
    }

    @Test
    void aNightSpanCoversTheMorningAfterEachOfItsDays() {
        WeeklyWindow night = new WeeklyWindow(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThat(night.contains(at("2026-12-04T22:00"))).as("Friday 22:00").isTrue();
        assertThat(night.contains(at("2026-12-05T03:00"))).as("Saturday 03:00").isTrue();
        assertThat(night.contains(at("2026-12-05T06:00"))).as("Saturday 06:00").isFalse();
        assertThat(night.contains(at("2026-12-04T03:00"))).as("Friday 03:00").isFalse();
        assertThat(night.contains(at("2026-12-04T21:59"))).as("Friday 21:59").isFalse();
    }

    @Test
    void aDaySpanIsHalfOpenAndEqualEndsMeanTheWholeDay() {
        WeeklyWindow closed = new WeeklyWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(closed.contains(at("2026-12-06T09:00"))).isTrue();
        assertThat(closed.contains(at("2026-12-06T17:00"))).isFalse();
        WeeklyWindow sunday = new WeeklyWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(sunday.contains(at("2026-12-06T23:59"))).isTrue();
        assertThat(sunday.contains(at("2026-12-07T00:00"))).isFalse();
    }
}
