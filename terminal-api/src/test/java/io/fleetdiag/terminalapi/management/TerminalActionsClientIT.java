package io.fleetdiag.terminalapi.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import io.fleetdiag.terminalapi.ApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ForceReboot through the simulator's terminal actions over real HTTP: batched, followed, the terminal off and back. */
class TerminalActionsClientIT {

    private static final String MANAGEMENT_KEY = "management-key";
    private static final String TERMINAL_KEY = "terminal-key";
    private static TerminalSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(TERMINAL_KEY).withTerminals(230).withReferenceTerminals(false)
                .withManagementApiKey(MANAGEMENT_KEY));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    private static TerminalActionsClient client(String key) {
        return new TerminalActionsClient(new ManagementApiConfig(URI.create(simulator.baseUrl() + "/v3"), ApiKey.of(key),
                ManagementApiConfig.DEFAULT_REQUEST_TIMEOUT, true, null));
    }

    @Test
    void aRebootOfMoreThanAHundredTerminalsIsBatchedAndEachIsFollowedUntilTheTerminalIsBack() throws Exception {
        List<String> ids = new ArrayList<>(simulator.fleet().terminals().stream().limit(205).map(Terminal::poiid).toList());
        ids.add("V400m-999999999");

        TerminalActionsClient.Schedule schedule = client(MANAGEMENT_KEY).forceReboot(ids);

        assertThat(schedule.scheduled()).hasSize(205);
        assertThat(schedule.errors()).containsOnlyKeys("V400m-999999999").containsValue("Terminal not found");
        TerminalActionsClient.Scheduled first = schedule.scheduled().get(0);
        Terminal terminal = simulator.fleet().terminal(first.terminalId()).orElseThrow();
        TerminalActionsClient.Action pending = client(MANAGEMENT_KEY).action(InventoryEntry.COMPANY_ID, first.actionId());
        assertThat(pending.status()).isEqualTo("pending");
        assertThat(pending.actionType()).isEqualTo("ForceReboot");
        assertThat(pending.terminalId()).isEqualTo(first.terminalId());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> !terminal.online(System.currentTimeMillis()));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                client(MANAGEMENT_KEY).action(InventoryEntry.COMPANY_ID, first.actionId()).status().equals("successful"));
        assertThat(terminal.online(System.currentTimeMillis())).isTrue();
        assertThat(client(MANAGEMENT_KEY).action(InventoryEntry.COMPANY_ID, first.actionId()).confirmedAt()).isNotNull();
    }

    @Test
    void anUnknownActionAndARefusedKeyAreReportedWithTheirStatus() {
        assertThatThrownBy(() -> client(MANAGEMENT_KEY).action(InventoryEntry.COMPANY_ID, "TRAC000"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client(TERMINAL_KEY).forceReboot(List.of(simulator.fleet().terminals().get(0).poiid())))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("terminal actions").doesNotContain(TERMINAL_KEY);
                });
    }
}
