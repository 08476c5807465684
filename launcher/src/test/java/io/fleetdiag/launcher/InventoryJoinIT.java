package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.simulator.inventory.InventoryEntry;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * model, and NEVER_CONNECTED after the (here short) setting; an online terminal without recent payments is IDLE; the terminals
 * on an older firmware release than their peers are FIRMWARE_BEHIND, the one stuck in a reassignment REASSIGNMENT_STUCK.
 */
@ExtendWith(TestClusterExtension.class)
class InventoryJoinIT {

    private static final Duration IDLE_AFTER = Duration.ofDays(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagedFleet fleet;
    private Testbed bed;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        fleet = ManagedFleet.start(cluster, "join", 200, work.resolve("processor"));
        bed = fleet.bed();
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    @Test
    void aNeverConnectedTerminalHasAStateRowAndRaisesNeverConnected() throws Exception {
        ProcessorService processor = fleet.processor(Map.of(
                "processor.punctuate-interval", "1s",
                "processor.never-connected-after", "5s",
                "processor.firmware-behind-after", "5s",
                "processor.reassignment-stuck-after", "5s",
                "processor.idle-after", IDLE_AFTER.toDays() + "d"), Map.of());
        assertThat(processor.awaitRunning(Duration.ofMinutes(3))).isTrue();
        RecordCollector<String, TerminalAlert> alerts = bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().alerts().name(),
                new StringDeserializer(), bed.catalog().alerts().valueSerde().deserializer()));
        fleet.poller();
        List<InventoryEntry> neverConnected = bed.simulator().cloud().inventory().neverConnected();
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
        // the inventory can arrive before the first snapshot that lists the connected ones: wait for it
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(get(processor, "/api/fleet").path("neverSeen").asInt()).isEqualTo(neverConnected.size()));

        // terminals that connect are not NEVER_CONNECTED; the online ones without a payment for long are IDLE
        Instant idleBefore = Instant.now().minus(IDLE_AFTER).minus(Duration.ofHours(1));
        Set<String> idle = bed.simulator().cloud().inventory().matching(entry -> entry.terminal() != null
                && entry.lastTransactionAt() != null && entry.lastTransactionAt().isBefore(idleBefore))
                .stream().map(InventoryEntry::id).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(raised(alerts, AlertType.IDLE)).containsAnyElementsOf(idle));
        assertThat(raised(alerts, AlertType.NEVER_CONNECTED))
                .isSubsetOf(neverConnected.stream().map(InventoryEntry::id).collect(Collectors.toSet()));

        // the few on an older release than their peers are FIRMWARE_BEHIND, and only they; the stuck reassignment is REASSIGNMENT_STUCK
        Set<String> behind = bed.simulator().cloud().inventory().matching(entry -> entry.release().equals(InventoryEntry.OLD_RELEASE))
                .stream().map(InventoryEntry::id).collect(Collectors.toSet());
        String stuck = bed.simulator().cloud().inventory().matching(entry -> entry.reassignTo() != null).get(0).id();
        assertThat(behind).isNotEmpty();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(raised(alerts, AlertType.FIRMWARE_BEHIND)).isEqualTo(behind);
            assertThat(raised(alerts, AlertType.REASSIGNMENT_STUCK)).containsExactly(stuck);
        });
        InventoryEntry withSim = bed.simulator().cloud().inventory().matching(entry -> entry.iccid() != null).get(0);
        assertThat(get(processor, "/api/terminals/" + withSim.id()).path("inventory").path("simIccid").asText()).isEqualTo(withSim.iccid());
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
