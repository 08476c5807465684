package io.fleetdiag.processor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RebootWindowTest {

    @ParameterizedTest(name = "{0}h for {1} in {2}: {3} -> {4}")
    @CsvSource(nullValues = "none", value = {
            "6, PT20M, UTC, 2026-12-02T06:00:00Z, 2026-12-02T06:20:00Z",
            "6, PT20M, UTC, 2026-12-02T06:19:59Z, 2026-12-02T06:20:00Z",
            "6, PT20M, UTC, 2026-12-02T06:20:00Z, none",
            "6, PT20M, UTC, 2026-12-02T05:59:59Z, none",
            "6, PT20M, Europe/Amsterdam, 2026-12-02T05:10:00Z, 2026-12-02T05:20:00Z",
            "6, PT20M, Europe/Amsterdam, 2026-12-02T06:10:00Z, none",
            "23, PT2H, UTC, 2026-12-03T00:30:00Z, 2026-12-03T01:00:00Z",
            "6, PT0S, UTC, 2026-12-02T06:00:00Z, none"})
    void aMomentInsideTheDailyWindowIsHeldUntilItsEnd(int hour, Duration length, String zone, Instant moment, Instant end) {
        RebootWindow window = new RebootWindow(hour, length, ZoneId.of(zone));
        assertThat(window.endOfWindowAround(moment, null).orElse(null)).isEqualTo(end);
    }

    @ParameterizedTest(name = "restarting at {0}: {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "03:00, 2026-12-02T03:05:00Z, 2026-12-02T03:20:00Z",
            "03:00, 2026-12-02T06:05:00Z, none",
            "23:50, 2026-12-03T00:05:00Z, 2026-12-03T00:10:00Z",
            "not a time, 2026-12-02T06:05:00Z, 2026-12-02T06:20:00Z"})
    void aTerminalsOwnRestartTimeMovesItsWindow(String restartLocalTime, Instant moment, Instant end) {
        RebootWindow window = new RebootWindow(6, Duration.ofMinutes(20), ZoneId.of("UTC"));
        assertThat(window.endOfWindowAround(moment, restartLocalTime).orElse(null)).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource({"-1", "24"})
    void theRestartHourIsAnHourOfTheDay(int hour) {
        assertThatThrownBy(() -> new RebootWindow(hour, Duration.ofMinutes(20), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
