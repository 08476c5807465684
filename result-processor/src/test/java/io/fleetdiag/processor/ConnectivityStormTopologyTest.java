package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.ProcessorDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An empty or collapsed /connectedTerminals answer and the daily reboot window, on the real topology. */
class ConnectivityStormTopologyTest {

    private static final List<String> FLEET = IntStream.range(0, 20).mapToObj(i -> "V400m-90000" + (100 + i)).toList();

    private static void poll(ProcessorDriver driver, int minute, List<String> live) {
        driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0.plus(Duration.ofMinutes(minute)), 2, live));
    }

    @Test
    void anEmptyAnswerRaisesOneSourceLostAndNoTerminalOfflineUntilTheSourceRecovers() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            poll(driver, 0, FLEET);
            for (int minute = 1; minute <= 6; minute++) {
                poll(driver, minute, List.of());
            }
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).isEmpty();
            List<TerminalAlert> lost = driver.alerts(AlertType.CONNECTIVITY_SOURCE_LOST, AlertStatus.RAISED);
            assertThat(lost).singleElement().satisfies(alert -> {
                assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
                assertThat(alert.getPoiid()).isNull();
                assertThat(alert.getMerchantAccount()).isEqualTo(MERCHANT);
                assertThat(alert.getRemediation()).contains("WebSockets are not enabled");
                assertThat(alert.getEvidence()).containsEntry("liveBefore", "20").containsEntry("missing", "20");
            });
            assertThat(driver.state(FLEET.get(0)).getPresence()).isEqualTo(Presence.ONLINE);

            poll(driver, 7, FLEET);
            assertThat(driver.alerts(AlertType.CONNECTIVITY_SOURCE_LOST, AlertStatus.RESOLVED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getAlertId()).isEqualTo(lost.get(0).getAlertId()));

            // the per-terminal rule works again once the source is back
            poll(driver, 8, FLEET.subList(1, 20));
            poll(driver, 9, FLEET.subList(1, 20));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getPoiid()).isEqualTo(FLEET.get(0)));
            assertThat(driver.alerts(AlertType.CONNECTIVITY_SOURCE_LOST, AlertStatus.RAISED)).hasSize(1);
        }
    }

    @Test
    void aCollapseAtTheThresholdHoldsButFewerVanishedTerminalsGoOfflineOneByOne() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            poll(driver, 0, FLEET);
            poll(driver, 1, FLEET.subList(10, 20));
            poll(driver, 2, FLEET.subList(10, 20));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).isEmpty();
            assertThat(driver.alerts(AlertType.CONNECTIVITY_SOURCE_LOST, AlertStatus.RAISED)).hasSize(1);
        }
        try (ProcessorDriver driver = new ProcessorDriver()) {
            poll(driver, 0, FLEET);
            poll(driver, 1, FLEET.subList(9, 20));
            poll(driver, 2, FLEET.subList(9, 20));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).hasSize(9);
            assertThat(driver.alerts(AlertType.CONNECTIVITY_SOURCE_LOST, AlertStatus.RAISED)).isEmpty();
        }
    }

    @Test
    void aScopeSmallerThanTheMinimumIsNeverJudgedLost() {
        try (ProcessorDriver driver = new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.source-lost-min-terminals", "21")))) {
            poll(driver, 0, FLEET);
            poll(driver, 1, List.of());
            poll(driver, 2, List.of());
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).hasSize(20);
            assertThat(driver.alerts(AlertType.CONNECTIVITY_SOURCE_LOST, AlertStatus.RAISED)).isEmpty();
        }
    }

    @Test
    void aTerminalAwayDuringItsRebootWindowIsNotOfflineAndOneStillAwayAfterItIs() {
        // T0 is 10:00 UTC: the restart hour 10 puts the first 20 minutes inside the window
        try (ProcessorDriver driver = new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.reboot-restart-hour", "10")))) {
            String rebooting = FLEET.get(0);
            String gone = FLEET.get(1);
            poll(driver, 0, FLEET);
            poll(driver, 1, FLEET.subList(2, 20));
            poll(driver, 2, FLEET.subList(2, 20));
            poll(driver, 3, FLEET.subList(1, 20).stream().filter(poiid -> !poiid.equals(gone)).toList());
            driver.advanceWallClock(Duration.ofMinutes(10));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).isEmpty();

            List<String> back = FLEET.stream().filter(poiid -> !poiid.equals(gone)).toList();
            poll(driver, 5, back);
            driver.advanceWallClock(Duration.ofMinutes(15));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
                assertThat(alert.getPoiid()).isEqualTo(gone);
                assertThat(alert.getRaisedAt()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(20)));
            });
            assertThat(driver.state(rebooting).getPresence()).isEqualTo(Presence.ONLINE);
        }
    }

    @Test
    void aTerminalRestartingAtThreeLocalIsHeldAtThreeNotAtTheGlobalHour() {
        // T0 is 10:00 UTC, 03:00 in Denver (MST); the global restart hour stays Adyen's default 06:00
        try (ProcessorDriver driver = new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.reboot-zone", "America/Denver")))) {
            String ownTime = FLEET.get(0);
            String globalHour = FLEET.get(1);
            driver.inventory(Fixtures.deployed(ownTime, null, T0.minus(Duration.ofHours(1))).setRestartLocalTime("03:00").build());
            driver.inventory(Fixtures.deployed(globalHour, null, T0.minus(Duration.ofHours(1))).build());
            poll(driver, 0, FLEET);
            poll(driver, 1, FLEET.subList(2, 20));
            poll(driver, 2, FLEET.subList(2, 20));
            driver.advanceWallClock(Duration.ofMinutes(1));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getPoiid()).isEqualTo(globalHour));
            assertThat(driver.state(ownTime).getInventory().getRestartLocalTime()).isEqualTo("03:00");

            // still away when its window (03:00 + 20 minutes local) ends: offline then
            poll(driver, 10, FLEET.subList(2, 20));
            driver.advanceWallClock(Duration.ofMinutes(25));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).hasSize(2)
                    .filteredOn(alert -> alert.getPoiid().equals(ownTime)).singleElement()
                    .satisfies(alert -> assertThat(alert.getRaisedAt()).isAfterOrEqualTo(T0.plus(Duration.ofMinutes(20))));
        }
    }
}
