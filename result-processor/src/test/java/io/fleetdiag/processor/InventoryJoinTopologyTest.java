package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.Fixtures.STORE;
import static io.fleetdiag.processor.ProcessorDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory joined into the terminal table on the real topology: NEVER_SEEN rows, NEVER_CONNECTED and IDLE. */
class InventoryJoinTopologyTest {

    private static final String NEW_TERMINAL = "V400m-500000001";
    private static final String LIVE_TERMINAL = "V400m-500000002";
    private static final Duration NEVER_CONNECTED_AFTER = Duration.ofHours(24);
    private static final Duration IDLE_AFTER = Duration.ofDays(7);

    private static ProcessorDriver driver() {
        return new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.never-connected-after", NEVER_CONNECTED_AFTER.toString(),
                "processor.idle-after", IDLE_AFTER.toString(), "processor.punctuate-interval", "1m")));
    }

    @Test
    void aDeployedTerminalNoSnapshotListedHasANeverSeenRowWithItsAssignmentAndModel() {
        try (ProcessorDriver driver = driver()) {
            driver.inventory(Fixtures.deployed(NEW_TERMINAL, STORE, T0).build());

            TerminalState state = driver.state(NEW_TERMINAL);
            assertThat(state.getPresence()).isEqualTo(Presence.NEVER_SEEN);
            assertThat(state.getMerchantAccount()).isEqualTo(MERCHANT);
            assertThat(state.getStore()).isEqualTo(STORE);
            assertThat(state.getInventory().getModel()).isEqualTo("V400m");
            assertThat(state.getInventory().getListedSince()).isEqualTo(T0);
            assertThat(driver.states()).last().satisfies(published -> assertThat(published.getPresence()).isEqualTo(Presence.NEVER_SEEN));
            FleetCounts counts = driver.fleetCounts();
            assertThat(counts.terminals()).isEqualTo(1);
            assertThat(counts.neverSeen()).isEqualTo(1);
            assertThat(counts.online() + counts.offline()).isZero();
            // not part of its store's health until it connects
            assertThat(driver.storeHealth()).isEmpty();
        }
    }

    @Test
    void neverConnectedIsRaisedOnTheWallClockAndResolvedWhenASnapshotListsTheTerminal() {
        try (ProcessorDriver driver = driver()) {
            driver.inventory(Fixtures.deployed(NEW_TERMINAL, STORE, T0).build());
            driver.advanceWallClock(NEVER_CONNECTED_AFTER.minusMinutes(2));
            assertThat(driver.alerts(AlertType.NEVER_CONNECTED, AlertStatus.RAISED)).isEmpty();

            driver.advanceWallClock(Duration.ofMinutes(3));
            List<TerminalAlert> raised = driver.alerts(AlertType.NEVER_CONNECTED, AlertStatus.RAISED);
            assertThat(raised).singleElement().satisfies(alert -> {
                assertThat(alert.getPoiid()).isEqualTo(NEW_TERMINAL);
                assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
                assertThat(alert.getStore()).isEqualTo(STORE);
                assertThat(alert.getEvidence()).containsEntry("listedSince", T0.toString()).containsEntry("presence", "NEVER_SEEN");
            });

            Instant connected = T0.plus(NEVER_CONNECTED_AFTER).plus(Duration.ofMinutes(5));
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, connected, 1, List.of(NEW_TERMINAL)));
            assertThat(driver.state(NEW_TERMINAL).getPresence()).isEqualTo(Presence.ONLINE);
            assertThat(driver.state(NEW_TERMINAL).getStore()).as("the inventory's store, not the merchant-wide scope").isEqualTo(STORE);
            assertThat(driver.alerts(AlertType.NEVER_CONNECTED, AlertStatus.RESOLVED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId()));
            assertThat(driver.storeHealth()).last().extracting(StoreHealth::getTerminalsOnline).isEqualTo(1);
        }
    }

    /** The poller lists the inventory and polls snapshots independently: a snapshot taken before the listing can arrive after it. */
    @Test
    void aSnapshotTakenBeforeTheListingStillCountsAsASighting() {
        try (ProcessorDriver driver = driver()) {
            driver.inventory(Fixtures.deployed(NEW_TERMINAL, STORE, T0.plusSeconds(30)).build());
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0, 1, List.of(NEW_TERMINAL)));

            assertThat(driver.state(NEW_TERMINAL).getPresence()).isEqualTo(Presence.ONLINE);
            assertThat(driver.state(NEW_TERMINAL).getLastSeenAt()).isEqualTo(T0);
            assertThat(driver.fleetCounts().neverSeen()).isZero();
            assertThat(driver.fleetCounts().online()).isEqualTo(1);
        }
    }

    @Test
    void aTerminalInStockIsNotExpectedToConnect() {
        try (ProcessorDriver driver = driver()) {
            driver.inventory(Fixtures.deployed(NEW_TERMINAL, null, T0).setAssignmentStatus("inventory").build());
            driver.advanceWallClock(NEVER_CONNECTED_AFTER.plusHours(1));

            assertThat(driver.state(NEW_TERMINAL).getPresence()).isEqualTo(Presence.NEVER_SEEN);
            assertThat(driver.alerts(AlertType.NEVER_CONNECTED, AlertStatus.RAISED)).isEmpty();
        }
    }

    @Test
    void anOfflineTerminalGetsItsStoreFromTheInventory() {
        try (ProcessorDriver driver = driver()) {
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0, 1, List.of(LIVE_TERMINAL)));
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0.plusSeconds(60), 1, List.of()));
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0.plusSeconds(120), 1, List.of()));
            assertThat(driver.state(LIVE_TERMINAL).getPresence()).isEqualTo(Presence.OFFLINE);
            assertThat(driver.state(LIVE_TERMINAL).getStore()).isNull();

            driver.inventory(Fixtures.deployed(LIVE_TERMINAL, STORE, T0.plusSeconds(130)).build());

            TerminalState state = driver.state(LIVE_TERMINAL);
            assertThat(state.getPresence()).as("seen once: offline, not never seen").isEqualTo(Presence.OFFLINE);
            assertThat(state.getStore()).isEqualTo(STORE);
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).last()
                    .satisfies(alert -> assertThat(alert.getPoiid()).isEqualTo(LIVE_TERMINAL));
            assertThat(driver.storeHealth()).last().satisfies(health -> {
                assertThat(health.getStore()).isEqualTo(STORE);
                assertThat(health.getTerminalsKnown()).isEqualTo(1);
                assertThat(health.getTerminalsOnline()).isZero();
            });
        }
    }

    @Test
    void aReassignedTerminalKeepsTheInventorysStoreWhenALaterCheckNamesItsOldOne() {
        try (ProcessorDriver driver = driver()) {
            driver.snapshot(Fixtures.snapshot(MERCHANT, STORE, T0, 1, List.of(LIVE_TERMINAL)));
            driver.inventory(Fixtures.deployed(LIVE_TERMINAL, STORE, T0.plusSeconds(10)).build());
            driver.inventory(Fixtures.deployed(LIVE_TERMINAL, "EU-MOVED", T0.plusSeconds(20)).build());
            DiagnosisResult check = Fixtures.success(LIVE_TERMINAL, T0.plusSeconds(30), parts -> { });
            check.setStore(STORE);
            driver.result(check);

            assertThat(driver.state(LIVE_TERMINAL).getStore()).as("the Management API's assignment, not the poll scope's store").isEqualTo("EU-MOVED");
        }
    }

    @Test
    void aNeverSeenTerminalThatLeavesTheInventoryIsForgottenAndItsAlertResolved() {
        try (ProcessorDriver driver = driver()) {
            driver.inventory(Fixtures.deployed(NEW_TERMINAL, STORE, T0).build());
            driver.advanceWallClock(NEVER_CONNECTED_AFTER.plus(Duration.ofMinutes(1)));
            assertThat(driver.alerts(AlertType.NEVER_CONNECTED, AlertStatus.RAISED)).hasSize(1);

            driver.leftInventory(NEW_TERMINAL, T0.plus(NEVER_CONNECTED_AFTER).plus(Duration.ofMinutes(2)));

            assertThat(driver.alerts(AlertType.NEVER_CONNECTED, AlertStatus.RESOLVED)).hasSize(1);
            assertThat(driver.state(NEW_TERMINAL)).isNull();
            assertThat(driver.states()).last().isNull();
            assertThat(driver.fleetCounts().terminals()).isZero();
            assertThat(driver.fleetCounts().activeAlertsByType()).isEmpty();
        }
    }

    @Test
    void aSeenTerminalThatLeavesTheInventoryKeepsItsRow() {
        try (ProcessorDriver driver = driver()) {
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0, 1, List.of(LIVE_TERMINAL)));
            driver.inventory(Fixtures.deployed(LIVE_TERMINAL, STORE, T0.plusSeconds(10)).build());
            driver.leftInventory(LIVE_TERMINAL, T0.plusSeconds(20));

            assertThat(driver.state(LIVE_TERMINAL).getPresence()).isEqualTo(Presence.ONLINE);
            assertThat(driver.state(LIVE_TERMINAL).getInventory()).isNull();
        }
    }

    @Test
    void idleIsRaisedForAnOnlineTerminalWithoutTransactionsAndResolvedByANewerOne() {
        try (ProcessorDriver driver = driver()) {
            Instant lastPayment = T0.minus(IDLE_AFTER).plusSeconds(90);
            driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0, 1, List.of(LIVE_TERMINAL)));
            driver.inventory(Fixtures.deployed(LIVE_TERMINAL, STORE, T0).setLastTransactionAt(lastPayment).build());
            assertThat(driver.alerts(AlertType.IDLE, AlertStatus.RAISED)).isEmpty();

            driver.advanceWallClock(Duration.ofMinutes(2));
            assertThat(driver.alerts(AlertType.IDLE, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
                assertThat(alert.getSeverity()).isEqualTo(Severity.INFO);
                assertThat(alert.getEvidence()).containsEntry("lastTransactionAt", lastPayment.toString());
            });

            driver.inventory(Fixtures.deployed(LIVE_TERMINAL, STORE, T0.plusSeconds(300)).setLastTransactionAt(T0.plusSeconds(200)).build());
            assertThat(driver.alerts(AlertType.IDLE, AlertStatus.RESOLVED)).hasSize(1);
            assertThat(driver.state(LIVE_TERMINAL).getInventory().getListedSince()).as("kept from the first listing").isEqualTo(T0);
        }
    }
}
