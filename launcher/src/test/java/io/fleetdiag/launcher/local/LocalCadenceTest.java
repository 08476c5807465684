package io.fleetdiag.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local run's pace follows its fleet: the demo's on a small one, within the machine's budget on a large one. */
class LocalCadenceTest {

    @Test
    void aSmallFleetKeepsTheDemosPace() {
        for (int terminals : List.of(0, 300, 1_000, 10_000, 11_250)) {
            LocalCadence cadence = LocalCadence.forFleet(terminals);

            assertThat(cadence.demoPace()).as("%d terminals", terminals).isTrue();
            assertThat(cadence.pollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(cadence.checkInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(cadence.staleAfter()).isEqualTo(Duration.ofMinutes(3));
            assertThat(cadence.checkDeadline()).isEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void aHundredThousandTerminalsRunAtTheMeasuredPace() {
        LocalCadence cadence = LocalCadence.forFleet(100_000);

        assertThat(cadence.pollInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(cadence.checkInterval()).isEqualTo(Duration.ofMinutes(9));
        assertThat(cadence.staleAfter()).isEqualTo(Duration.ofMinutes(27));
        assertThat(cadence.checkDeadline()).isEqualTo(Duration.ofMinutes(9));
        assertThat(cadence.dispatcherPerSecond()).isEqualTo(250);
        assertThat(cadence.settings(2)).containsEntry("poller.poll-interval", "25s").containsEntry("poller.check-interval", "9m")
                .containsEntry("processor.stale-after", "27m").containsEntry("dispatcher.check-deadline", "9m")
                .containsEntry("dispatcher.rate-per-merchant", "125");
        assertThat(cadence.why()).contains("100,000 terminals").contains("4,000 terminals/s").contains("75%");
    }

    @Test
    void atEverySizeTheRatesStayWithinTheBudgetAndTheIntervalsNeverShrinkAsTheFleetGrows() {
        LocalCadence previous = LocalCadence.forFleet(0);
        for (int terminals = 500; terminals <= 2_000_000; terminals += 500) {
            LocalCadence cadence = LocalCadence.forFleet(terminals);

            assertThat(terminals / (double) cadence.pollInterval().toSeconds()).as("sightings/s at %d", terminals)
                    .isLessThanOrEqualTo(LocalCadence.SIGHTINGS_PER_SECOND);
            assertThat(terminals / (double) cadence.checkInterval().toSeconds()).as("scheduled checks/s at %d", terminals)
                    .isLessThanOrEqualTo(LocalCadence.DISPATCHER_PER_SECOND * LocalCadence.SCHEDULED_SHARE);
            assertThat(cadence.pollInterval()).isGreaterThanOrEqualTo(previous.pollInterval());
            assertThat(cadence.checkInterval()).isGreaterThanOrEqualTo(previous.checkInterval());
            assertThat(cadence.staleAfter()).isEqualTo(cadence.checkInterval().multipliedBy(3));
            previous = cadence;
        }
    }

    @Test
    void durationsAreWrittenAsTheSettingsReadThem() {
        assertThat(LocalCadence.text(Duration.ofSeconds(25))).isEqualTo("25s");
        assertThat(LocalCadence.text(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(LocalCadence.text(Duration.ofMinutes(27))).isEqualTo("27m");
        assertThat(LocalCadence.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
