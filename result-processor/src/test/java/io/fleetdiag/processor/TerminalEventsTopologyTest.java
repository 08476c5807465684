package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.Fixtures.STORE;
import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminals' own event notifications (terminal-events) on the real topology: alerts at once, maintenance holds, presence. */
class TerminalEventsTopologyTest {

    private static final String POIID = "V400m-700000001";
    private static final String OTHER = "V400m-700000002";

    static TerminalEvent event(String poiid, String kind, Instant at) {
        return TerminalEvent.newBuilder().setEventId(poiid + "|" + kind + "|" + at.toEpochMilli()).setPoiid(poiid).setSaleId("POS-1")
                .setEventToNotify(kind).setEventDetails("reason=" + kind).setMaintenanceRequired(kind.equals("OutOfOrder"))
                .setOccurredAt(at).setReceivedAt(at.plusMillis(300)).build();
    }

    private static void online(ProcessorDriver driver, Instant at, String... poiids) {
        driver.snapshot(Fixtures.snapshot(MERCHANT, STORE, at, 1, List.of(poiids)));
    }

    @Test
    void outOfOrderIsRaisedAtOnceOnceForItsResendsAndResolvedByASuccessfulDiagnosis() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            online(driver, at(0), POIID);
            driver.event(event(POIID, "OutOfOrder", at(1)));
            driver.event(event(POIID, "OutOfOrder", at(1)));

            List<TerminalAlert> raised = driver.alerts(AlertType.OUT_OF_ORDER, AlertStatus.RAISED);
            assertThat(raised).singleElement().satisfies(alert -> {
                assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
                assertThat(alert.getEventTime()).isEqualTo(at(1));
                assertThat(alert.getEvidence()).containsEntry("outOfOrderAt", at(1).toString())
                        .containsEntry("eventDetails", "reason=OutOfOrder").containsEntry("maintenanceRequired", "true");
            });
            TerminalState state = driver.state(POIID);
            assertThat(state.getEvents().getLastEvent()).isEqualTo("OutOfOrder");
            assertThat(state.getEvents().getMaintenanceRequired()).isTrue();
            assertThat(state.getEvents().getLastEventDetails()).isEqualTo("reason=OutOfOrder");

            driver.result(Fixtures.success(POIID, at(5), parts -> { }));
            assertThat(driver.alerts(AlertType.OUT_OF_ORDER, AlertStatus.RESOLVED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId()));
            assertThat(driver.state(POIID).getEvents().getOutOfOrderAt()).isNull();

            // a resend written again after the diagnosis (a poller that restarted forgot it) does not reopen it
            driver.event(event(POIID, "OutOfOrder", at(1)));
            assertThat(driver.alerts(AlertType.OUT_OF_ORDER, AlertStatus.RAISED)).hasSize(1);
        }
    }

    @Test
    void shutdownIsRaisedAtOnceAndResolvedWhenASnapshotListsTheTerminalAgain() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            online(driver, at(0), POIID, OTHER);
            driver.event(event(POIID, "Shutdown", at(1)));
            assertThat(driver.alerts(AlertType.TERMINAL_SHUTDOWN, AlertStatus.RAISED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING));

            // away for two snapshots, then listed again: it is back
            online(driver, at(2), OTHER);
            online(driver, at(3), OTHER);
            assertThat(driver.alerts(AlertType.TERMINAL_SHUTDOWN, AlertStatus.RESOLVED)).isEmpty();
            online(driver, at(4), POIID, OTHER);
            assertThat(driver.alerts(AlertType.TERMINAL_SHUTDOWN, AlertStatus.RESOLVED)).hasSize(1);
            assertThat(driver.state(POIID).getEvents().getShutdownAt()).isNull();
        }
    }

    @Test
    void aSecurityAlarmRaisesTamperDetectedAtOnceUntilASuccessfulDiagnosisAfterIt() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            online(driver, at(0), POIID);
            driver.result(Fixtures.success(POIID, at(1), parts -> { }));
            driver.event(event(POIID, "SecurityAlarm", at(2)));

            assertThat(driver.alerts(AlertType.TAMPER_DETECTED, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
                assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
                assertThat(alert.getSummary()).contains("SecurityAlarm");
                assertThat(alert.getEvidence()).containsEntry("securityAlarmAt", at(2).toString())
                        .containsEntry("securityAlarmDetails", "reason=SecurityAlarm");
            });
            // a late resend of an older event does not roll anything back
            driver.event(event(POIID, "NetworkConnected", at(1)));
            assertThat(driver.state(POIID).getEvents().getLastEvent()).isEqualTo("SecurityAlarm");

            driver.result(Fixtures.success(POIID, at(20), parts -> { }));
            assertThat(driver.alerts(AlertType.TAMPER_DETECTED, AlertStatus.RESOLVED)).hasSize(1);
        }
    }

    @Test
    void maintenanceHoldsTheOfflineRuleUntilEndMaintenance() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            online(driver, at(0), POIID, OTHER);
            driver.event(event(POIID, "BeginMaintenance", at(1)));
            online(driver, at(2), OTHER);
            online(driver, at(3), OTHER);
            online(driver, at(4), OTHER);

            assertThat(driver.state(POIID).getPresence()).isEqualTo(Presence.OFFLINE);
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).isEmpty();

            driver.event(event(POIID, "EndMaintenance", at(5)));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getEvidence()).containsEntry("lastEvent", "EndMaintenance at " + at(5)));
        }
    }

    @Test
    void maintenanceThatNeverEndsHoldsAtMostTheMaximumAndDiagnosisFailuresAreHeldToo() {
        try (ProcessorDriver driver = new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.maintenance-max-hold", "30m",
                "processor.punctuate-interval", "1m")))) {
            online(driver, at(0), POIID, OTHER);
            driver.event(event(POIID, "BeginMaintenance", at(0)));
            for (int minute = 1; minute <= 3; minute++) {
                driver.result(Fixtures.failure(POIID, at(minute), DiagnosisOutcome.TERMINAL_UNREACHABLE, "no answer"));
            }
            online(driver, at(4), OTHER);
            online(driver, at(5), OTHER);
            assertThat(driver.alerts(AlertType.DIAGNOSIS_FAILING, AlertStatus.RAISED)).isEmpty();
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).isEmpty();

            driver.advanceWallClock(Duration.ofMinutes(32));
            assertThat(driver.alerts(AlertType.DIAGNOSIS_FAILING, AlertStatus.RAISED)).hasSize(1);
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).hasSize(1);
        }
    }

    @Test
    void networkNotificationsMovePresenceAtOnceAndAReconnectedTerminalIsChecked() {
        try (ProcessorDriver driver = new ProcessorDriver()) {
            online(driver, at(0), POIID, OTHER);
            driver.event(event(POIID, "NetworkDisconnected", at(1)));

            TerminalState away = driver.state(POIID);
            assertThat(away.getPresence()).isEqualTo(Presence.OFFLINE);
            assertThat(away.getPresenceChangedAt()).isEqualTo(at(1));
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).hasSize(1);
            int checks = driver.checks().size();

            driver.event(event(POIID, "NetworkConnected", at(1).plusSeconds(20)));
            assertThat(driver.state(POIID).getPresence()).isEqualTo(Presence.ONLINE);
            assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RESOLVED)).hasSize(1);
            assertThat(driver.checks().subList(checks, driver.checks().size())).singleElement()
                    .satisfies(check -> assertThat(check.getReason()).isEqualTo(CheckReason.RECONNECTED));
        }
    }
}
