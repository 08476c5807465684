package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.Fixtures.STORE;
import static io.fleetdiag.processor.ProcessorDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalInventory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inventory's newer evidence on the real topology: firmware drift (FIRMWARE_BEHIND), stuck reassignments, SIM status. */
class InventoryEvidenceTopologyTest {

    private static final Duration BEHIND_AFTER = Duration.ofDays(7);
    private static final Duration STUCK_AFTER = Duration.ofHours(24);
    private static final String CURRENT = "V400m 1.98.3";
    private static final String OLD = "V400m 1.95.5";

    private static ProcessorDriver driver() {
        return new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.firmware-behind-after", BEHIND_AFTER.toString(),
                "processor.reassignment-stuck-after", STUCK_AFTER.toString(), "processor.never-connected-after", "30d",
                "processor.punctuate-interval", "1m")));
    }

    private static TerminalInventory.Builder listing(int terminal, String firmware, Instant at) {
        return Fixtures.deployed("V400m-50000000" + terminal, STORE, at).setFirmwareVersion(firmware);
    }

    /** Three terminals on the current release and {@code V400m-500000004} on an old one, listed at T0 and online. */
    private static void fleetWithOneBehind(ProcessorDriver driver) {
        for (int terminal = 1; terminal <= 3; terminal++) {
            driver.inventory(listing(terminal, CURRENT, T0).build());
        }
        driver.inventory(listing(4, OLD, T0).build());
        // connected: one that never was keeps its factory release until it connects (NEVER_CONNECTED's)
        driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0.plusSeconds(1), 1,
                List.of("V400m-500000001", "V400m-500000002", "V400m-500000003", "V400m-500000004")));
    }

    @Test
    void aTerminalBehindItsModelsCommonFirmwareForTheSetTimeRaisesFirmwareBehindAndResolvesWhenItCatchesUp() {
        try (ProcessorDriver driver = driver()) {
            fleetWithOneBehind(driver);
            assertThat(driver.firmwareCounts(MERCHANT, "V400m").byVersion()).isEqualTo(Map.of(CURRENT, 3, OLD, 1));
            InventoryEntry entry = driver.state("V400m-500000004").getInventory();
            assertThat(entry.getCommonFirmware()).isEqualTo(CURRENT);
            assertThat(entry.getFirmwareBehindSince()).isEqualTo(T0);
            assertThat(driver.state("V400m-500000001").getInventory().getFirmwareBehindSince()).isNull();

            driver.advanceWallClock(BEHIND_AFTER.minusMinutes(2));
            assertThat(driver.alerts(AlertType.FIRMWARE_BEHIND, AlertStatus.RAISED)).isEmpty();
            driver.advanceWallClock(Duration.ofMinutes(3));
            List<TerminalAlert> raised = driver.alerts(AlertType.FIRMWARE_BEHIND, AlertStatus.RAISED);
            assertThat(raised).singleElement().satisfies(alert -> {
                assertThat(alert.getPoiid()).isEqualTo("V400m-500000004");
                assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
                assertThat(alert.getEvidence()).containsEntry("firmwareVersion", OLD).containsEntry("commonFirmware", CURRENT)
                        .containsEntry("model", "V400m").containsEntry("firmwareBehindSince", T0.toString());
            });

            driver.inventory(listing(4, CURRENT, T0.plus(BEHIND_AFTER).plusSeconds(600)).build());
            assertThat(driver.alerts(AlertType.FIRMWARE_BEHIND, AlertStatus.RESOLVED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId()));
            assertThat(driver.firmwareCounts(MERCHANT, "V400m").byVersion()).isEqualTo(Map.of(CURRENT, 4));
        }
    }

    @Test
    void whenTheMajorityMovesTheOldMajorityFallsBehindAndTheTerminalThatWasBehindIsNot() {
        try (ProcessorDriver driver = driver()) {
            String newer = "V400m 1.100.1";
            driver.inventory(listing(1, OLD, T0).build());
            driver.inventory(listing(2, OLD, T0).build());
            driver.inventory(listing(3, newer, T0).build());
            assertThat(driver.state("V400m-500000001").getInventory().getFirmwareBehindSince()).isNull();
            assertThat(driver.state("V400m-500000003").getInventory().getFirmwareBehindSince()).isNull();

            Instant update = T0.plus(Duration.ofHours(1));
            driver.inventory(listing(2, newer, update).build());
            assertThat(driver.state("V400m-500000001").getInventory().getFirmwareBehindSince())
                    .as("1.100.1 against 1.95.5 compares by number, and a tie goes to the newer release").isEqualTo(update);
            assertThat(driver.state("V400m-500000002").getInventory().getFirmwareBehindSince()).isNull();
            assertThat(driver.state("V400m-500000003").getInventory().getCommonFirmware()).isEqualTo(newer);
        }
    }

    @Test
    void aBehindTerminalResolvesWhenTheMajorityMovesToItsVersionAndOnlyItsOwnGroupCounts() {
        try (ProcessorDriver driver = driver()) {
            fleetWithOneBehind(driver);
            // another merchant account's terminals on the old release do not make it common here
            for (int terminal = 5; terminal <= 9; terminal++) {
                driver.inventory(listing(terminal, OLD, T0).setMerchantAccount("OtherMerchant").build());
            }
            assertThat(driver.state("V400m-500000004").getInventory().getFirmwareBehindSince()).isEqualTo(T0);
            driver.advanceWallClock(BEHIND_AFTER.plusMinutes(1));
            assertThat(driver.alerts(AlertType.FIRMWARE_BEHIND, AlertStatus.RAISED)).hasSize(1);

            Instant later = T0.plus(BEHIND_AFTER).plus(Duration.ofHours(1));
            driver.inventory(listing(1, OLD, later).build());
            driver.inventory(listing(2, OLD, later).build());
            assertThat(driver.alerts(AlertType.FIRMWARE_BEHIND, AlertStatus.RESOLVED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getPoiid()).isEqualTo("V400m-500000004"));
            assertThat(driver.state("V400m-500000003").getInventory().getFirmwareBehindSince()).isNull();
        }
    }

    @Test
    void aTerminalThatNeverConnectedIsNotFirmwareBehind() {
        try (ProcessorDriver driver = driver()) {
            for (int terminal = 1; terminal <= 3; terminal++) {
                driver.inventory(listing(terminal, CURRENT, T0).build());
            }
            driver.inventory(listing(4, OLD, T0).build());
            assertThat(driver.state("V400m-500000004").getInventory().getFirmwareBehindSince()).isEqualTo(T0);
            driver.advanceWallClock(BEHIND_AFTER.plusMinutes(1));
            assertThat(driver.alerts(AlertType.FIRMWARE_BEHIND, AlertStatus.RAISED)).isEmpty();
        }
    }

    @Test
    void aTerminalThatLeavesTheInventoryLeavesTheCounts() {
        try (ProcessorDriver driver = driver()) {
            fleetWithOneBehind(driver);
            driver.leftInventory("V400m-500000004", T0.plusSeconds(60));
            assertThat(driver.firmwareCounts(MERCHANT, "V400m").byVersion()).isEqualTo(Map.of(CURRENT, 3));
        }
    }

    @Test
    void aTerminalInReassignmentForTheSetTimeRaisesReassignmentStuckUntilItsStatusChanges() {
        try (ProcessorDriver driver = driver()) {
            String poiid = "V400m-500000001";
            driver.inventory(listing(1, CURRENT, T0).setAssignmentStatus("reassignmentInProgress").build());
            // a later listing with the same status keeps the start
            driver.inventory(listing(1, CURRENT, T0.plus(Duration.ofHours(1))).setAssignmentStatus("reassignmentInProgress")
                    .setLastActivityAt(T0).build());
            assertThat(driver.state(poiid).getInventory().getAssignmentStatusSince()).isEqualTo(T0);
            driver.advanceWallClock(STUCK_AFTER.minusMinutes(2));
            assertThat(driver.alerts(AlertType.REASSIGNMENT_STUCK, AlertStatus.RAISED)).isEmpty();
            driver.advanceWallClock(Duration.ofMinutes(3));
            assertThat(driver.alerts(AlertType.REASSIGNMENT_STUCK, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
                assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
                assertThat(alert.getEvidence()).containsEntry("assignmentStatus", "reassignmentInProgress")
                        .containsEntry("assignmentStatusSince", T0.toString());
            });

            Instant done = T0.plus(STUCK_AFTER).plus(Duration.ofMinutes(30));
            driver.inventory(listing(1, CURRENT, done).setAssignmentStatus("boarded").build());
            assertThat(driver.alerts(AlertType.REASSIGNMENT_STUCK, AlertStatus.RESOLVED)).hasSize(1);
            assertThat(driver.state(poiid).getInventory().getAssignmentStatusSince()).isEqualTo(done);
        }
    }

    @Test
    void theSimCardOfTheInventorysCellularConnectivityIsKeptOnTheTerminal() {
        try (ProcessorDriver driver = driver()) {
            driver.inventory(listing(1, CURRENT, T0)
                    .setConnectivity("{\"cellular\":{\"iccid\":\"6064364710330000000\",\"status\":\"deactivated\"},\"wifi\":{\"ipAddress\":\"10.0.0.7\"}}")
                    .build());
            InventoryEntry entry = driver.state("V400m-500000001").getInventory();
            assertThat(entry.getSimIccid()).isEqualTo("6064364710330000000");
            assertThat(entry.getSimStatus()).isEqualTo("deactivated");

            driver.inventory(listing(1, CURRENT, T0.plusSeconds(60)).setConnectivity("{\"ethernet\":{}}").build());
            assertThat(driver.state("V400m-500000001").getInventory().getSimIccid()).as("no SIM any more").isNull();
            driver.inventory(listing(1, CURRENT, T0.plusSeconds(120)).setConnectivity("not json").build());
            assertThat(driver.state("V400m-500000001").getInventory().getSimStatus()).isNull();
        }
    }
}
