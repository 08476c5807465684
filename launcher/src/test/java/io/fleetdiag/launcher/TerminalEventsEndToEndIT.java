package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.poller.events.TerminalEventsEndpoint;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.simulator.api.EventNotifier;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's terminals notify their troubles to the poller's POST /terminal-events (half of them twice), and the
 * processor turns a SecurityAlarm into TAMPER_DETECTED without waiting for a poll or a check: one alert per terminal, the
 * time from the tamper switch to the alert on terminal-alerts measured.
 */
@ExtendWith(TestClusterExtension.class)
class TerminalEventsEndToEndIT {

    private static final String KEY = "AQEevents-e2e-terminal-key";
    private static final String PASSWORD = "e2e-event-url-password";

    private PolledFleet fleet;
    private Testbed bed;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        fleet = PolledFleet.start(cluster, "events-e2e", KEY, 200, work.resolve("processor"));
        bed = fleet.bed();
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    @Test
    void aSecurityAlarmBecomesTamperDetectedWithinSecondsOnceForItsResends() throws Exception {
        fleet.processor();
        PollerService poller = fleet.poller(TerminalApiClient.create(bed.terminalApi(KEY)),
                Map.of("events.port", "0", "events.password", PASSWORD));
        EventNotifier notifier = bed.simulator().sendEventsTo(new EventNotifier.Target(URI.create("http://127.0.0.1:"
                + poller.events().orElseThrow().port() + TerminalEventsEndpoint.PATH), "fleetdiag", PASSWORD), 0.5);
        RecordCollector<String, TerminalAlert> alerts = fleet.collect(bed.catalog().alerts());
        RecordCollector<String, TerminalEvent> events = fleet.collect(bed.catalog().terminalEvents());
        List<Terminal> tamperable = bed.simulator().fleet().terminals().stream().filter(terminal -> terminal.model().tamperSwitch())
                .limit(5).toList();
        assertThat(tamperable).hasSize(5);

        List<Long> latencies = new ArrayList<>();
        for (Terminal terminal : tamperable) {
            long started = System.nanoTime();
            bed.simulator().set(terminal.poiid(), ConditionChange.of(Map.of("tamper", true)));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> !raised(alerts, terminal.poiid()).isEmpty());
            latencies.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("SecurityAlarm -> TAMPER_DETECTED on terminal-alerts, ms: " + latencies);

        for (Terminal terminal : tamperable) {
            assertThat(raised(alerts, terminal.poiid())).singleElement().satisfies(alert -> {
                assertThat(alert.getSummary()).contains("SecurityAlarm");
                assertThat(alert.getEvidence()).containsEntry("securityAlarmDetails", "reason=AntiRemovalSwitchTriggered")
                        .containsEntry("maintenanceRequired", "true");
            });
            assertThat(events.values(event -> event.getPoiid().equals(terminal.poiid()) && event.getEventToNotify().equals("SecurityAlarm")))
                    .as("resends of %s are written once", terminal.poiid()).hasSize(1);
        }
        assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(10_000));
        assertThat(notifier.failed()).isZero();
    }

    private static List<TerminalAlert> raised(RecordCollector<String, TerminalAlert> alerts, String poiid) {
        return alerts.values(alert -> alert.getType() == AlertType.TAMPER_DETECTED && alert.getStatus() == AlertStatus.RAISED
                && poiid.equals(alert.getPoiid()));
    }
}
