package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.harness.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload is fleetdiag's, not the terminals' (issue 23): 300 healthy terminals checked every 30 s ask for
 * 10 checks/s; with the simulator answering after a second, 4 calls at once serve 4/s. The poller keeps the
 * dispatchers' queue within 5 s of work, stretches its sweep, and raises one DIAGNOSIS_BACKLOG; no terminal
 * gets STALE_DIAGNOSIS (45 s, shorter than the stretched sweep) or DIAGNOSIS_FAILING, and no check is given
 * up. When the answers are fast again the sweep catches up and the alert resolves.
 */
@ExtendWith(TestClusterExtension.class)
class DiagnosisBacklogIT {

    private static final String KEY = "AQEbacklog-it";
    private static final int TERMINALS = 300;
    private static final Set<AlertType> BLAMING_TERMINALS = Set.of(AlertType.STALE_DIAGNOSIS, AlertType.DIAGNOSIS_FAILING);

    private Testbed bed;
    private ProcessorService processor;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        bed = Testbed.start(cluster, "backlog", SimulatorConfig.defaults(KEY).withTerminals(TERMINALS).withReferenceTerminals(false));
        processor = bed.keep(ProcessorService.start(bed.config(ProcessorService.defaults(), Map.of(
                "processor.application-id", bed.prefix() + "processor", "processor.state-dir", work.resolve("state").toString(),
                "processor.commit-interval", "100ms", "processor.punctuate-interval", "1s", "processor.stale-after", "45s")), Map.of(),
                new CompletableFuture<>()));
        assertThat(processor.awaitRunning(Duration.ofMinutes(3))).isTrue();

        ServiceConfig dispatcher = bed.config(DispatcherService.defaults(), Map.of("dispatcher.group-id", bed.prefix() + "dispatcher",
                "dispatcher.commit-interval", "200ms", "dispatcher.max-in-flight", "4", "dispatcher.shutdown-grace", "2s"));
        bed.keep(DispatcherService.start(dispatcher, TerminalApiClient.create(bed.terminalApi(KEY)
                .withRequestTimeout(dispatcher.duration("adyen.request-timeout"))), Map.of(), new CompletableFuture<>()));

        Map<String, String> poller = new HashMap<>(bed.pollerSettings());
        poller.remove("inventory.endpoint");
        poller.putAll(Map.of("poller.check-interval", "30s", "poller.dispatcher-group", bed.prefix() + "dispatcher",
                "poller.queue-ahead", "5s", "poller.backlog-alert-after", "10s"));
        bed.keep(PollerService.start(bed.config(PollerService.defaults(), poller), TerminalApiClient.create(bed.terminalApi(KEY)),
                Map.of(), new CompletableFuture<>()));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private void latency(int medianMs) throws Exception {
        Http.postJson(bed.simulator().baseUrl() + "/admin/latency", Map.of("medianMs", medianMs, "sigma", 0));
    }

    private JsonNode api(String path) throws Exception {
        return Http.getJson("http://127.0.0.1:" + processor.httpPort() + path);
    }

    @Test
    void capacityBelowDemandRaisesOneFleetAlertAndBlamesNoTerminal() throws Exception {
        try (RecordCollector<String, TerminalAlert> alerts = RecordCollector.start(bed.cluster(), bed.catalog().alerts().name(),
                     new StringDeserializer(), bed.catalog().alerts().valueSerde().deserializer());
             RecordCollector<String, DiagnosisResult> results = RecordCollector.start(bed.cluster(), bed.catalog().results().name(),
                     new StringDeserializer(), bed.catalog().results().valueSerde().deserializer())) {
            await().atMost(Duration.ofMinutes(2)).until(() -> results.values(result -> result.getOutcome() == DiagnosisOutcome.SUCCESS)
                    .stream().map(DiagnosisResult::getPoiid).distinct().count() == TERMINALS);
            assertThat(alerts.values(alert -> alert.getType() == AlertType.DIAGNOSIS_BACKLOG)).as("healthy: no backlog").isEmpty();

            latency(1_000);
            TerminalAlert raised = await().atMost(Duration.ofMinutes(2)).until(() -> alerts.values(alert ->
                    alert.getType() == AlertType.DIAGNOSIS_BACKLOG && alert.getStatus() == AlertStatus.RAISED), list -> !list.isEmpty()).get(0);
            assertThat(raised.getPoiid()).isNull();
            assertThat(raised.getEvidence()).containsKeys("backlog", "capacityPerSecond", "demandPerSecond", "sweepBehindSeconds");
            assertThat(Double.parseDouble(raised.getEvidence().get("capacityPerSecond")))
                    .isLessThan(Double.parseDouble(raised.getEvidence().get("demandPerSecond")));
            assertThat(raised.getRemediation()).contains("dispatcher instances");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(api("/api/alerts?active=true&type=DIAGNOSIS_BACKLOG").path("items")).singleElement()
                        .satisfies(item -> assertThat(item.path("alertId").asText()).isEqualTo(raised.getAlertId()));
                JsonNode fleet = api("/api/fleet");
                assertThat(fleet.path("activeAlertsByType").path("DIAGNOSIS_BACKLOG").asLong()).isEqualTo(1);
                assertThat(fleet.path("terminals").asLong()).as("the fleet alert is no terminal").isEqualTo(TERMINALS);
            });
            // long enough under overload that every terminal waits more than stale-after for its next check
            long successes = results.values(result -> result.getOutcome() == DiagnosisOutcome.SUCCESS).size();
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    results.values(result -> result.getOutcome() == DiagnosisOutcome.SUCCESS).size() >= successes + TERMINALS / 2);

            latency(20);
            await().atMost(Duration.ofMinutes(2)).until(() -> !alerts.values(alert -> alert.getType() == AlertType.DIAGNOSIS_BACKLOG
                    && alert.getStatus() == AlertStatus.RESOLVED).isEmpty());

            List<TerminalAlert> backlog = alerts.values(alert -> alert.getType() == AlertType.DIAGNOSIS_BACKLOG);
            assertThat(backlog).extracting(TerminalAlert::getStatus).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
            assertThat(backlog).extracting(TerminalAlert::getAlertId).containsOnly(raised.getAlertId());
            assertThat(alerts.records()).filteredOn(record -> record.value().getType() == AlertType.DIAGNOSIS_BACKLOG)
                    .allSatisfy(record -> assertThat(record.key()).isEqualTo("fleet"));
            assertThat(alerts.values(alert -> BLAMING_TERMINALS.contains(alert.getType()))).as("no terminal blamed").isEmpty();
            assertThat(results.values(result -> result.getOutcome() == DiagnosisOutcome.GAVE_UP)).as("no check given up").isEmpty();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(api("/api/alerts?active=true&type=DIAGNOSIS_BACKLOG").path("items")).isEmpty());
        }
    }
}
