package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor joins the inventory the poller publishes from the simulator's Management API, on the
 * real broker: a deployed terminal that never connected gets a NEVER_SEEN state row with its store and
 * model, and NEVER_CONNECTED after the (here short) setting; an online terminal without recent payments is IDLE.
 */
@ExtendWith(TestClusterExtension.class)
class InventoryJoinIT {

    private static final String KEY = "AQEjoin-terminal-key";
    private static final String MANAGEMENT_KEY = "AQEjoin-management-key";
    private static final Duration IDLE_AFTER = Duration.ofDays(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Closer resources = new Closer();
    private TestCluster cluster;
    private String prefix;
    private TopicCatalog catalog;
    private TerminalSimulator simulator;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        prefix = cluster.uniqueName("join") + ".";
        catalog = TopicCatalog.create(TopicNames.from(Map.of("topics.prefix", prefix)),
                new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl())));
        simulator = resources.keep(TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(200).withMerchants(1)
                .withReferenceTerminals(false).withManagementApiKey(MANAGEMENT_KEY)));
    }

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    private ProcessorService processor() throws Exception {
        Map<String, String> values = new HashMap<>();
        ProcessorService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(Map.of(
                "processor.application-id", prefix + "processor",
                "processor.state-dir", work.resolve("processor").toString(),
                "processor.commit-interval", "100ms",
                "processor.punctuate-interval", "1s",
                "processor.never-connected-after", "5s",
                "processor.idle-after", IDLE_AFTER.toDays() + "d"));
        return resources.keep(ProcessorService.start(ServiceConfig.of(values), Map.of(), new CompletableFuture<>()));
    }

    private void poller() throws Exception {
        Map<String, String> values = new HashMap<>();
        PollerService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(Map.of(
                "poller.scopes", String.join(",", simulator.fleet().merchantAccounts()),
                "poller.poll-interval", "1s",
                "poller.lease-timeout", "6s",
                "poller.transactional-id", prefix + "poller",
                "inventory.endpoint", simulator.baseUrl() + "/v3",
                "adyen.allow-plain-http", "true"));
        TerminalApiClient client = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API,
                ApiKey.of(KEY), true));
        resources.keep(PollerService.start(ServiceConfig.of(values), client, Map.of("MANAGEMENT_API_KEY", MANAGEMENT_KEY),
                new CompletableFuture<>()));
    }

    @Test
    void aNeverConnectedTerminalHasAStateRowAndRaisesNeverConnected() throws Exception {
        ProcessorService processor = processor();
        assertThat(processor.awaitRunning(Duration.ofMinutes(3))).isTrue();
        RecordCollector<String, TerminalAlert> alerts = resources.keep(RecordCollector.start(cluster, catalog.alerts().name(),
                new StringDeserializer(), catalog.alerts().valueSerde().deserializer()));
        poller();
        List<InventoryEntry> neverConnected = simulator.cloud().inventory().neverConnected();
        assertThat(neverConnected).isNotEmpty();
        InventoryEntry absent = neverConnected.get(0);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode state = get(processor, "/api/terminals/" + absent.id());
            assertThat(state.toString()).contains("NEVER_SEEN").contains(absent.storeId()).contains(absent.model());
            assertThat(raised(alerts, AlertType.NEVER_CONNECTED))
                    .containsAll(neverConnected.stream().map(InventoryEntry::id).collect(Collectors.toSet()));
        });
        assertThat(alerts.values()).filteredOn(alert -> alert.getType() == AlertType.NEVER_CONNECTED
                        && alert.getPoiid().equals(absent.id())).first()
                .satisfies(alert -> assertThat(alert.getStore()).isEqualTo(absent.storeId()));
        JsonNode fleet = get(processor, "/api/fleet");
        assertThat(fleet.path("neverSeen").asInt()).isEqualTo(neverConnected.size());

        // terminals that connect are not NEVER_CONNECTED; the online ones without a payment for long are IDLE
        Instant idleBefore = Instant.now().minus(IDLE_AFTER).minus(Duration.ofHours(1));
        Set<String> idle = simulator.cloud().inventory().matching(entry -> entry.terminal() != null && entry.lastTransactionAt() != null
                && entry.lastTransactionAt().isBefore(idleBefore)).stream().map(InventoryEntry::id).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(raised(alerts, AlertType.IDLE)).containsAnyElementsOf(idle));
        assertThat(raised(alerts, AlertType.NEVER_CONNECTED))
                .isSubsetOf(neverConnected.stream().map(InventoryEntry::id).collect(Collectors.toSet()));
    }

    private static Set<String> raised(RecordCollector<String, TerminalAlert> alerts, AlertType type) {
        return alerts.values().stream().filter(alert -> alert.getType() == type && alert.getStatus() == AlertStatus.RAISED)
                .map(TerminalAlert::getPoiid).collect(Collectors.toSet());
    }

    private static JsonNode get(ProcessorService processor, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + processor.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
