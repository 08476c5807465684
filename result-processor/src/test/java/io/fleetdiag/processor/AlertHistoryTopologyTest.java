package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.history.AlertEpisode;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The alert history folds the terminal-alerts topic into one entry per episode, bounded per terminal. */
class AlertHistoryTopologyTest {

    private static final String POIID = "V400m-346403161";
    private final ProcessorDriver driver = new ProcessorDriver(ProcessorDriver.settings(Map.of(
            "processor.alert-history-retention", "2h", "processor.alert-history-max-per-terminal", "3")));

    @AfterEach
    void close() {
        driver.close();
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private void battery(int minute, int level) {
        driver.result(Fixtures.success(POIID, at(minute), p -> p.battery = level));
    }

    @Test
    void anEpisodeRaisedAndResolvedIsOneResolvedEntryWithItsTimes() {
        battery(1, 10);
        assertThat(driver.history(POIID)).singleElement().satisfies(episode -> {
            assertThat(episode.active()).isTrue();
            assertThat(episode.type()).isEqualTo("BATTERY_LOW");
        });

        battery(2, 50);

        String alertId = driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED).get(0).getAlertId();
        assertThat(driver.history(POIID)).singleElement().satisfies(episode -> {
            assertThat(episode.alertId()).isEqualTo(alertId);
            assertThat(episode.active()).isFalse();
            assertThat(episode.raisedAt()).isEqualTo(at(1));
            assertThat(episode.resolvedAt()).isEqualTo(at(2));
            assertThat(episode.merchantAccount()).isEqualTo(Fixtures.MERCHANT);
            assertThat(episode.store()).isEqualTo(Fixtures.STORE);
        });
    }

    @Test
    void aTerminalKeepsOnlyItsNewestEpisodesAndLosesResolvedOnesAfterTheRetention() {
        for (int cycle = 0; cycle < 5; cycle++) {
            battery(10 * cycle + 1, 10);
            battery(10 * cycle + 2, 50);
        }
        assertThat(driver.history(POIID)).extracting(AlertEpisode::raisedAt).containsExactly(at(41), at(31), at(21));

        // the sweep runs on wall-clock time, so a terminal without new edges is trimmed too
        driver.advanceWallClock(Duration.ofHours(3));

        assertThat(driver.history(POIID)).isEmpty();
    }
}
