package io.fleetdiag.terminalapi.management;

import static io.fleetdiag.terminalapi.management.SimulatedManagementApi.MANAGEMENT_KEY;
import static io.fleetdiag.terminalapi.management.SimulatedManagementApi.TERMINAL_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the simulator's Management API over real HTTP. */
class ManagementApiClientIT {

    @RegisterExtension
    static final SimulatedManagementApi ADYEN = new SimulatedManagementApi();

    private static ManagementApiClient client(String key) {
        return new ManagementApiClient(ADYEN.config(key));
    }

    @Test
    void allPagesTogetherAreTheWholeInventory() throws Exception {
        List<InventoryTerminal> all = client(MANAGEMENT_KEY).all(TerminalFilter.ALL, 17);

        assertThat(all).extracting(InventoryTerminal::id)
                .containsExactlyElementsOf(ADYEN.simulator().cloud().inventory().entries().stream().map(InventoryEntry::id).toList());
        assertThat(all).filteredOn(terminal -> "deployed".equals(terminal.status()))
                .allSatisfy(terminal -> assertThat(terminal.lastActivityAt()).isNull())
                .hasSize(ADYEN.simulator().cloud().inventory().neverConnected().size());
        assertThat(all).filteredOn(terminal -> "boarded".equals(terminal.status()))
                .allSatisfy(terminal -> assertThat(terminal.lastTransactionAt()).isNotNull());
    }

    @Test
    void aStoreFilterGivesTheStoresTerminals() throws Exception {
        Terminal one = ADYEN.simulator().fleet().terminals().get(0);

        List<InventoryTerminal> store = client(MANAGEMENT_KEY).all(TerminalFilter.store(one.merchantAccount(), one.store()), 100);

        assertThat(store).isNotEmpty().allSatisfy(terminal -> {
            assertThat(terminal.merchantId()).isEqualTo(one.merchantAccount());
            assertThat(terminal.storeId()).isEqualTo(one.store());
        });
        assertThat(store).extracting(InventoryTerminal::id).contains(one.poiid());
    }

    @Test
    void aTerminalsSettingsGiveItsRestartHour() throws Exception {
        Terminal one = ADYEN.simulator().fleet().terminals().get(1);
        ManagementApiClient client = client(MANAGEMENT_KEY);
        assertThat(client.restartHour(one.poiid())).hasValue(6);

        ADYEN.simulator().cloud().restartAt(one.poiid(), 3);

        assertThat(client.restartHour(one.poiid())).hasValue(3);
        assertThat(client.all(TerminalFilter.store(one.merchantAccount(), one.store()), 100)).filteredOn(terminal -> terminal.id().equals(one.poiid()))
                .singleElement().satisfies(terminal -> assertThat(terminal.restartLocalTime()).isEqualTo("03:00"));
        assertThatThrownBy(() -> client.restartHour("V400m-000000000")).isInstanceOf(ManagementApiException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aRefusedKeyIsReportedAsSuchWithoutTheKey() {
        assertThatThrownBy(() -> client("wrong-key").page(TerminalFilter.ALL, 1, 10))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.refusedKey()).isTrue();
                })
                .hasMessageContaining("MANAGEMENT_API_KEY").hasMessageNotContaining("wrong-key");
        assertThatThrownBy(() -> client(TERMINAL_KEY).page(TerminalFilter.ALL, 1, 10))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("role");
    }
}
