package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.Faults;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One terminal's status over real HTTP against the simulator, in both flavours: a terminal the lists leave out is ONLINE by
 * its status, an offline one OFFLINE, and a throttled, garbled or forbidden answer a failed status, never an exception.
 */
class DeviceStatusIT {

    private static final String KEY = "AQEstatus-it-secret";
    private static TerminalSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(300).withReferenceTerminals(false));
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    @BeforeEach
    void calm() {
        simulator.cloud().faults(Faults.NONE);
    }

    private static TerminalApiClient client(ApiFlavour flavour) {
        return TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), flavour, ApiKey.of(KEY), true));
    }

    private static Terminal terminal(int index) {
        return simulator.fleet().terminals().get(index);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aTerminalTheListDropsIsOnlineByItsStatusAndAnOfflineOneIsOffline(ApiFlavour flavour) {
        Terminal dropped = terminal(10);
        Terminal offline = terminal(11);
        simulator.set(dropped.poiid(), ConditionChange.of(Map.of("online", true)));
        simulator.cloud().dropFromLists(dropped.poiid(), true);
        simulator.set(offline.poiid(), ConditionChange.of(Map.of("online", false)));
        try {
            ConnectedTerminals list = client(flavour).connectedTerminals(dropped.merchantAccount(), null, null).join();
            DeviceStatus droppedStatus = client(flavour).deviceStatus(dropped.merchantAccount(), dropped.poiid()).join();
            DeviceStatus offlineStatus = client(flavour).deviceStatus(offline.merchantAccount(), offline.poiid()).join();

            assertThat(list.uniqueTerminalIds()).isNotEmpty().doesNotContain(dropped.poiid(), offline.poiid());
            assertThat(droppedStatus.outcome()).isEqualTo(CallOutcome.SUCCESS);
            assertThat(droppedStatus.status()).isEqualTo(DeviceStatus.Status.ONLINE);
            assertThat(offlineStatus.status()).isEqualTo(DeviceStatus.Status.OFFLINE);
        } finally {
            simulator.cloud().dropFromLists(dropped.poiid(), false);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void failedAndMalformedAnswersAreFailedStatuses(ApiFlavour flavour) {
        Terminal terminal = terminal(12);
        simulator.cloud().faults(Faults.on("deviceStatus").tooManyRequests(1.0, 3).build());
        DeviceStatus throttled = client(flavour).deviceStatus(terminal.merchantAccount(), terminal.poiid()).join();
        ConnectedTerminals list = client(flavour).connectedTerminals(terminal.merchantAccount(), null, null).join();
        simulator.cloud().faults(Faults.on("deviceStatus").garbage(1.0).build());
        DeviceStatus garbage = client(flavour).deviceStatus(terminal.merchantAccount(), terminal.poiid()).join();
        simulator.cloud().faults(Faults.on("deviceStatus").truncated(1.0).build());
        DeviceStatus truncated = client(flavour).deviceStatus(terminal.merchantAccount(), terminal.poiid()).join();

        assertThat(list.outcome()).as("the lists are not the status call's target").isEqualTo(CallOutcome.SUCCESS);
        assertThat(throttled.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(garbage.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(truncated.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(List.of(throttled, garbage, truncated)).allSatisfy(status -> {
            assertThat(status.status()).isEqualTo(DeviceStatus.Status.UNKNOWN);
            assertThat(status.message()).isNotBlank();
        });
    }

    @ParameterizedTest
    @EnumSource(value = ApiFlavour.class, names = "DEVICE_API")
    void anotherMerchantAccountsDeviceIsForbiddenInAdyensProblemShape(ApiFlavour flavour) {
        Terminal terminal = terminal(13);

        DeviceStatus foreign = client(flavour).deviceStatus("NotTheTerminalsAccount", terminal.poiid()).join();

        assertThat(foreign.outcome()).isEqualTo(CallOutcome.UNAUTHORIZED);
        assertThat(foreign.message()).contains("403").contains("00_403");
    }
}
