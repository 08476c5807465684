package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.launcher.local.LocalStack;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetdiag local} as a user meets it: within three minutes terminals are live, diagnoses
 * flow and the common alerts appear (offline, battery, printer, unconfirmed batch with its host
 * follow-up, Busy answers retried); {@code fleetdiag alerts --json}, the REST API and the other
 * commands agree with the topics; and a second start on the same data directory resumes without
 * repeating a RAISED alert.
 */
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void javaLogging() {
        // before the embedded registry names a log manager only its own class loader has
        java.util.logging.LogManager.getLogManager();
    }

    @Test
    void theLocalRunShowsTheFleetAndItsAlertsAndResumes(@TempDir Path data) throws Exception {
        // as with --set: the test runs at any hour, and Adyen's default restart window (06:00-06:20 UTC) would hold TERMINAL_OFFLINE
        LocalStack.Options options = new LocalStack.Options(1_000, data, FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), 42, "demo",
                Map.of("processor.reboot-window", "0s"), Optional.empty());
        List<String> progress = new ArrayList<>();
        Set<String> raisedBeforeRestart;
        long successBeforeRestart;
        try (LocalStack stack = LocalStack.start(options, progress::add)) {
            assertThat(progress).hasSize(5);
            TopicCatalog topics = TopicCatalog.create(TopicNames.defaults(),
                    new SchemaRegistryClient(RegistryClientConfig.of(stack.schemaRegistryUrl())));
            TestCluster cluster = new StackCluster(stack);
            try (RecordCollector<String, TerminalAlert> alerts = RecordCollector.start(cluster, topics.alerts().name(),
                         new StringDeserializer(), topics.alerts().valueSerde().deserializer());
                 RecordCollector<String, DiagnosisCheckRequest> checks = RecordCollector.start(cluster, topics.checkRequests().name(),
                         new StringDeserializer(), topics.checkRequests().valueSerde().deserializer());
                 RecordCollector<String, DiagnosisResult> results = RecordCollector.start(cluster, topics.results().name(),
                         new StringDeserializer(), topics.results().valueSerde().deserializer());
                 RecordCollector<String, TerminalEvent> events = RecordCollector.start(cluster, topics.terminalEvents().name(),
                         new StringDeserializer(), topics.terminalEvents().valueSerde().deserializer())) {

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    JsonNode fleet = get(stack, "/api/fleet");
                    assertThat(fleet.path("online").asInt()).isGreaterThan(900);
                    assertThat(fleet.path("resultsByOutcome").path("SUCCESS").asInt()).isPositive();
                    assertThat(raisedTypes(alerts)).contains(AlertType.TERMINAL_OFFLINE, AlertType.BATTERY_LOW,
                            AlertType.PRINTER_FAULT, AlertType.UNCONFIRMED_BATCH);
                    assertThat(checks.values()).anyMatch(check -> check.getReason() == CheckReason.HOST_FOLLOWUP);
                    assertThat(results.values()).anyMatch(result -> result.getReason() == CheckReason.HOST_FOLLOWUP
                            && !result.getHostStatuses().isEmpty());
                    assertThat(stack.simulator().stats().count("diagnosis", "busy")).isPositive();
                    // the simulated terminals notify their troubles to the poller's event URL
                    assertThat(events.values()).anyMatch(event -> event.getEventToNotify().equals("NetworkDisconnected"));
                });
                assertThat(stack.simulator().cloud().events().orElseThrow().failed()).isZero();

                Set<String> seenBefore = edges(alerts.values());
                CommandRun alertsCommand = CommandRun.of("alerts", "--json", "--bootstrap", stack.bootstrapServers(), "--registry", stack.schemaRegistryUrl());
                assertThat(alertsCommand.exit()).isZero();
                Set<String> printed = alertsCommand.out().lines().map(LocalStackIT::edge).collect(Collectors.toSet());
                assertThat(printed).containsAll(seenBefore);
                await().atMost(Duration.ofSeconds(30)).until(() -> edges(alerts.values()).containsAll(printed));

                JsonNode active = get(stack, "/api/alerts?active=true").path("items");
                assertThat(active).isNotEmpty();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> active.forEach(alert ->
                        assertThat(edges(alerts.values())).contains(alert.path("alertId").asText() + " RAISED")));

                String api = "http://127.0.0.1:" + stack.httpPort();
                String poiid = active.get(0).path("poiid").asText(stack.simulator().fleet().terminals().get(0).poiid());
                CommandRun terminal = CommandRun.of("terminal", poiid, "--api", api);
                assertThat(terminal.exit()).isZero();
                assertThat(terminal.out()).contains(poiid).contains("presence");
                var someTerminal = stack.simulator().fleet().terminals().get(3);
                CommandRun store = CommandRun.of("store", someTerminal.merchantAccount() + "/" + someTerminal.store(), "--api", api);
                assertThat(store.exit()).as(store.err()).isZero();
                assertThat(store.out()).contains("terminalsKnown");
                CommandRun check = CommandRun.of("check", someTerminal.poiid(), "--host", "--bootstrap", stack.bootstrapServers(),
                        "--registry", stack.schemaRegistryUrl(), "--api", api);
                assertThat(check.exit()).as(check.err()).isZero();
                await().atMost(Duration.ofSeconds(60)).until(() -> results.values().stream().anyMatch(result ->
                        result.getPoiid().equals(someTerminal.poiid()) && result.getReason() == CheckReason.MANUAL && result.getHostDiagnosis()));

                raisedBeforeRestart = raised(alerts.values());
                successBeforeRestart = get(stack, "/api/fleet").path("resultsByOutcome").path("SUCCESS").asLong();
            }
        }

        try (LocalStack again = LocalStack.start(options, progress::add)) {
            TopicCatalog topics = TopicCatalog.create(TopicNames.defaults(),
                    new SchemaRegistryClient(RegistryClientConfig.of(again.schemaRegistryUrl())));
            assertThat(get(again, "/api/fleet").path("terminals").asInt()).as("state restored, not rebuilt").isGreaterThan(900);
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    get(again, "/api/fleet").path("resultsByOutcome").path("SUCCESS").asLong() > successBeforeRestart + 500);
            try (RecordCollector<String, TerminalAlert> alerts = RecordCollector.start(new StackCluster(again), topics.alerts().name(),
                    new StringDeserializer(), topics.alerts().valueSerde().deserializer())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> raised(alerts.values()).containsAll(raisedBeforeRestart));
                Map<String, Long> raisedCount = alerts.values().stream().filter(alert -> alert.getStatus() == AlertStatus.RAISED)
                        .collect(Collectors.groupingBy(TerminalAlert::getAlertId, Collectors.counting()));
                assertThat(raisedCount.values()).containsOnly(1L);
                assertThat(raisedCount.size()).isGreaterThan(raisedBeforeRestart.size());
                Set<String> resolved = alerts.values().stream().filter(alert -> alert.getStatus() == AlertStatus.RESOLVED)
                        .map(TerminalAlert::getAlertId).collect(Collectors.toSet());
                assertThat(raisedCount.keySet()).containsAll(resolved);
            }
        }
    }

    private static Set<AlertType> raisedTypes(RecordCollector<String, TerminalAlert> alerts) {
        Set<AlertType> types = EnumSet.noneOf(AlertType.class);
        alerts.values().stream().filter(alert -> alert.getStatus() == AlertStatus.RAISED).forEach(alert -> types.add(alert.getType()));
        return types;
    }

    private static Set<String> raised(List<TerminalAlert> alerts) {
        return alerts.stream().filter(alert -> alert.getStatus() == AlertStatus.RAISED).map(TerminalAlert::getAlertId)
                .collect(Collectors.toSet());
    }

    private static Set<String> edges(List<TerminalAlert> alerts) {
        return alerts.stream().map(alert -> alert.getAlertId() + " " + alert.getStatus()).collect(Collectors.toCollection(HashSet::new));
    }

    private static String edge(String jsonLine) {
        try {
            JsonNode alert = JSON.readTree(jsonLine);
            return alert.path("alertId").asText() + " " + alert.path("status").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + jsonLine, e);
        }
    }

    private static JsonNode get(LocalStack stack, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + stack.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }


    /** The local run's broker and registry, for the test collectors. */
    private record StackCluster(LocalStack stack) implements TestCluster {
        @Override
        public String bootstrapServers() {
            return stack.bootstrapServers();
        }

        @Override
        public String schemaRegistryUrl() {
            return stack.schemaRegistryUrl();
        }
    }
}
