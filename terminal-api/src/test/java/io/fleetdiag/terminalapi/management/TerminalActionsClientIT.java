package io.fleetdiag.terminalapi.management;

import static io.fleetdiag.terminalapi.management.SimulatedManagementApi.MANAGEMENT_KEY;
import static io.fleetdiag.terminalapi.management.SimulatedManagementApi.TERMINAL_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ForceReboot through the simulator's terminal actions over real HTTP: batched, followed, the terminal off and back. */
class TerminalActionsClientIT {

    @RegisterExtension
    static final SimulatedManagementApi ADYEN = new SimulatedManagementApi();

    private static TerminalActionsClient client(String key) {
        return new TerminalActionsClient(ADYEN.config(key));
    }

    @Test
    void aRebootOfMoreThanAHundredTerminalsIsBatchedAndEachIsFollowedUntilTheTerminalIsBack() throws Exception {
        List<String> ids = new ArrayList<>(ADYEN.simulator().fleet().terminals().stream().limit(205).map(Terminal::poiid).toList());
        ids.add("V400m-999999999");

        TerminalActionsClient.Schedule schedule = client(MANAGEMENT_KEY).forceReboot(ids);

        assertThat(schedule.scheduled()).hasSize(205);
        assertThat(schedule.errors()).containsOnlyKeys("V400m-999999999").containsValue("Terminal not found");
        TerminalActionsClient.Scheduled first = schedule.scheduled().get(0);
        Terminal terminal = ADYEN.simulator().fleet().terminal(first.terminalId()).orElseThrow();
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
        assertThatThrownBy(() -> client(TERMINAL_KEY).forceReboot(List.of(ADYEN.simulator().fleet().terminals().get(0).poiid())))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("terminal actions").doesNotContain(TERMINAL_KEY);
                });
    }
}
