package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.ScheduledAction;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalActionKind;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.simulator.fleet.Terminal;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reboot round trip: {@code fleetdiag reboot} asks the processor, which schedules a ForceReboot through the simulator's
 * terminal actions; the terminal drops off and comes back (its TERMINAL_OFFLINE raised and resolved as usual), and
 * {@code fleetdiag reboot --action} follows the action from pending to successful. Each reboot, and the change to successful,
 * is a record on terminal-actions naming the caller.
 */
@ExtendWith(TestClusterExtension.class)
class RebootIT {

    private static final Pattern ACTION = Pattern.compile("action (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagedFleet fleet;
    private Testbed bed;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        fleet = ManagedFleet.start(cluster, "reboot", 40, work.resolve("processor"));
        bed = fleet.bed();
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    @Test
    void aRebootIsScheduledFollowedAndTheTerminalGoesOffAndComesBack() throws Exception {
        ProcessorService processor = processor(work.resolve("processor"), bed.prefix() + "processor");
        RecordCollector<String, TerminalAlert> alerts = bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().alerts().name(),
                new StringDeserializer(), bed.catalog().alerts().valueSerde().deserializer()));
        RecordCollector<String, TerminalAction> actions = bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().terminalActions().name(),
                new StringDeserializer(), bed.catalog().terminalActions().valueSerde().deserializer()));
        // the inventory gives the terminals their store: the snapshots of a merchant-account scope do not
        fleet.poller();
        String api = "http://127.0.0.1:" + processor.httpPort();
        Terminal terminal = bed.simulator().fleet().terminals().get(0);
        await().atMost(Duration.ofMinutes(1)).until(() -> CommandRun.of("terminal", terminal.poiid(), "--api", api).out().contains("ONLINE"));

        CommandRun reboot = CommandRun.of("reboot", terminal.poiid(), "--api", api);

        assertThat(reboot.exit()).as(reboot.err()).isZero();
        Matcher action = ACTION.matcher(reboot.out());
        assertThat(action.find()).as(reboot.out()).isTrue();
        String actionId = action.group(1);
        assertThat(CommandRun.of("reboot", "--action", actionId, "--api", api).out()).contains("pending");
        await().atMost(Duration.ofSeconds(30)).until(() -> !offline(alerts, terminal.poiid(), AlertStatus.RAISED).equals(0L));
        await().atMost(Duration.ofSeconds(30)).until(() -> CommandRun.of("reboot", "--action", actionId, "--api", api).out().contains("successful"));
        await().atMost(Duration.ofSeconds(30)).until(() -> offline(alerts, terminal.poiid(), AlertStatus.RESOLVED).equals(1L));
        assertThat(offline(alerts, terminal.poiid(), AlertStatus.RAISED)).isEqualTo(1L);
        // without a token configured the caller is the local operator
        String caller = Caller.local().subject();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(actions.records()).filteredOn(record ->
                record.key().equals(terminal.poiid())).extracting(record -> record.value().getKind() + " " + record.value().getStatus()
                + " " + record.value().getBy() + " " + record.value().getActions()).containsExactly(
                "SCHEDULED pending " + caller + " " + List.of(new ScheduledAction(terminal.poiid(), actionId)),
                "OUTCOME successful " + caller + " " + List.of(new ScheduledAction(terminal.poiid(), actionId))));

        String store = terminal.merchantAccount() + "/" + terminal.store();
        URI storeTerminals = URI.create(api + "/api/terminals?merchantAccount=" + terminal.merchantAccount() + "&store=" + terminal.store()
                + "&size=500");
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(storeTerminals) > 0);
        int storeSize = listed(storeTerminals);
        CommandRun storeReboot = CommandRun.of("reboot", "--store", store, "--api", api);
        assertThat(storeReboot.exit()).as(storeReboot.err()).isZero();
        assertThat(storeReboot.out()).contains("Scheduled a reboot of " + storeSize + " terminals of " + store);
        assertThat(storeReboot.out().lines().filter(line -> line.contains(" action TRAC"))).hasSize(storeSize);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(actions.records()).filteredOn(record -> record.key().equals(store))
                .singleElement().satisfies(record -> {
                    assertThat(record.value().getKind()).isEqualTo(TerminalActionKind.SCHEDULED);
                    assertThat(record.value().getActionType()).isEqualTo("ForceReboot");
                    assertThat(record.value().getStore()).isEqualTo(terminal.store());
                    assertThat(record.value().getBy()).isEqualTo(caller);
                    assertThat(record.value().getActions()).hasSize(storeSize);
                }));

        CommandRun unknown = CommandRun.of("reboot", "V400m-000000042", "--api", api);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("404");

        // the reboots listed come from the table built from terminal-actions: a processor started with nothing of the first
        // one (its own application id and state directory) lists the same. A new id, as the same one would wait for the closed
        // member's session to time out (about 100 s more).
        awaitListed(api, terminal.poiid(), actionId + " successful " + caller);
        processor.close();
        bed.forget(processor);
        ProcessorService again = processor(work.resolve("processor-again"), bed.prefix() + "processor-again");
        awaitListed("http://127.0.0.1:" + again.httpPort(), terminal.poiid(), actionId + " successful " + caller);
    }

    private ProcessorService processor(Path stateDir, String applicationId) throws Exception {
        ProcessorService processor = fleet.processor(Map.of(
                "processor.state-dir", stateDir.toString(),
                "processor.application-id", applicationId,
                "processor.reboot-window", "0s",
                "reboot.endpoint", bed.simulator().baseUrl() + "/v3",
                "reboot.company-id", InventoryEntry.COMPANY_ID,
                "reboot.allow-plain-http", "true"), Map.of("MANAGEMENT_API_KEY", ManagedFleet.MANAGEMENT_KEY));
        assertThat(processor.awaitRunning(Duration.ofMinutes(3))).isTrue();
        return processor;
    }

    private static void awaitListed(String api, String poiid, String reboot) {
        URI reboots = URI.create(api + "/api/terminals/" + poiid + "/reboots");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode items = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(reboots).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("items");
            assertThat(items).extracting(item -> item.path("actionId").asText() + " " + item.path("status").asText() + " "
                    + item.path("by").asText()).contains(reboot);
        });
    }

    private static int listed(URI terminals) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(terminals).build(), HttpResponse.BodyHandlers.ofString())
                .body()).path("items").size();
    }

    private static Long offline(RecordCollector<String, TerminalAlert> alerts, String poiid, AlertStatus status) {
        return alerts.values().stream().filter(alert -> alert.getType() == AlertType.TERMINAL_OFFLINE && alert.getStatus() == status
                && poiid.equals(alert.getPoiid())).count();
    }
}
