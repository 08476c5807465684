package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The status as a second opinion, end to end on the real broker: the simulator's connected list drops a terminal that its
 * status call still reports ONLINE, and another terminal really goes away. The first never raises TERMINAL_OFFLINE, its
 * state and the poller's metric count the disagreements; the second goes offline as before. In both API flavours.
 */
@ExtendWith(TestClusterExtension.class)
class StatusSecondOpinionEndToEndIT {

    private static final String KEY = "AQEstatus-e2e-terminal-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PolledFleet fleet;
    private Testbed bed;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        fleet = PolledFleet.start(cluster, "status-e2e", KEY, 50, work.resolve("processor"));
        bed = fleet.bed();
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aTerminalTheListDropsButItsStatusReportsOnlineIsNotOfflineAndTheDisagreementIsCounted(ApiFlavour flavour) throws Exception {
        fleet.processor();
        PollerService poller = fleet.poller(TerminalApiClient.create(TerminalApiConfig.of(bed.simulator().baseUrl(), flavour,
                ApiKey.of(KEY), true)), Map.of());
        RecordCollector<String, TerminalAlert> alerts = fleet.collect(bed.catalog().alerts());
        RecordCollector<String, TerminalState> states = fleet.collect(bed.catalog().terminalState());
        List<Terminal> online = bed.simulator().fleet().terminals().stream().filter(t -> t.online(System.currentTimeMillis())).toList();
        Terminal kept = online.get(0);
        Terminal gone = online.get(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> latest(states, kept.poiid()).map(TerminalState::getPresence)
                .filter(Presence.ONLINE::equals).isPresent() && latest(states, gone.poiid()).isPresent());

        bed.simulator().cloud().dropFromLists(kept.poiid(), true);
        bed.simulator().set(gone.poiid(), ConditionChange.of(Map.of("online", false)));

        await().atMost(Duration.ofSeconds(60)).until(() -> !raised(alerts, gone.poiid()).isEmpty());
        // the offline threshold is two missed polls a second apart: by five disagreements the list alone would have raised it
        await().atMost(Duration.ofSeconds(60)).until(() -> latest(states, kept.poiid()).map(TerminalState::getStatusDisagreements)
                .orElse(0) >= 5 && disagreements(poller) >= 5);
        assertThat(raised(alerts, kept.poiid())).as("kept present by its status").isEmpty();
        assertThat(latest(states, kept.poiid()).orElseThrow()).satisfies(state -> {
            assertThat(state.getPresence()).isEqualTo(Presence.ONLINE);
            assertThat(state.getLastStatusDisagreementAt()).isNotNull();
        });
        assertThat(latest(states, gone.poiid()).orElseThrow().getStatusDisagreements()).as("its status said OFFLINE").isZero();
        assertThat(bed.simulator().stats().count("deviceStatus", "success")).isPositive();
    }

    private static Optional<TerminalState> latest(RecordCollector<String, TerminalState> states, String poiid) {
        List<TerminalState> mine = states.values(state -> state != null && poiid.equals(state.getPoiid()));
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }

    private static List<TerminalAlert> raised(RecordCollector<String, TerminalAlert> alerts, String poiid) {
        return alerts.values(alert -> alert.getType() == AlertType.TERMINAL_OFFLINE && alert.getStatus() == AlertStatus.RAISED
                && poiid.equals(alert.getPoiid()));
    }

    private static double disagreements(PollerService poller) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poller.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("fleetdiag_poller_status_disagreements_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
