package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How a per-terminal status answer reads: Adyen's DeviceStatusResponse, the classic per-terminal list, and what is neither. */
class DeviceStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiRoutes DEVICE_API = ApiRoutes.of(ApiFlavour.DEVICE_API, URI.create("https://device-api-test.adyen.com"));
    private static final String DEVICE = "AMS1-000168242800763";

    private static List<String> deviceApi(String body) throws Exception {
        JsonNode answer = JSON.readTree(body);
        return DEVICE_API.connectedIds(answer, DEVICE);
    }

    @Test
    void adyensExampleAnswersReadAsOnlineAndOffline() throws Exception {
        assertThat(deviceApi("{\"deviceId\":\"AMS1-000168242800763\",\"status\":\"ONLINE\"}")).containsExactly(DEVICE);
        assertThat(deviceApi("{\"deviceId\":\"AMS1-000168242800763\",\"status\":\"OFFLINE\"}")).isEmpty();
        assertThat(deviceApi("{\"status\":\"ONLINE\"}")).as("deviceId is optional in the schema").containsExactly(DEVICE);
    }

    @Test
    void aStatusOutsideAdyensEnumOrAboutAnotherDeviceIsNotAnAnswer() {
        assertThatThrownBy(() -> deviceApi("{\"deviceId\":\"" + DEVICE + "\"}")).hasMessageContaining("no 'status'");
        assertThatThrownBy(() -> deviceApi("{\"status\":true}")).hasMessageContaining("no 'status'");
        assertThatThrownBy(() -> deviceApi("{\"status\":\"CONNECTED\"}")).hasMessageContaining("neither ONLINE nor OFFLINE");
        assertThatThrownBy(() -> deviceApi("{\"status\":\"online\"}")).hasMessageContaining("neither ONLINE nor OFFLINE");
        assertThatThrownBy(() -> deviceApi("{\"deviceId\":\"P400-1\",\"status\":\"ONLINE\"}")).hasMessageContaining("'P400-1'");
    }

    @Test
    void theStatusCallGoesToAdyensPath() {
        assertThat(DEVICE_API.connectedTerminals("Acme Retail", null, "V400m-1/2", null).build().uri()).hasToString(
                "https://device-api-test.adyen.com/v1/merchants/Acme%20Retail/devices/V400m-1%2F2/status");
    }

    @Test
    void aPerTerminalListIsOnlineOnlyWhenItNamesExactlyThatTerminal() {
        assertThat(DeviceStatus.of(DEVICE, ConnectedTerminals.success(List.of(DEVICE), Duration.ZERO)).status())
                .isEqualTo(DeviceStatus.Status.ONLINE);
        assertThat(DeviceStatus.of(DEVICE, ConnectedTerminals.success(List.of(), Duration.ZERO)).status())
                .isEqualTo(DeviceStatus.Status.OFFLINE);
        DeviceStatus others = DeviceStatus.of(DEVICE, ConnectedTerminals.success(List.of(DEVICE, "P400-2"), Duration.ZERO));
        assertThat(others.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(others.status()).isEqualTo(DeviceStatus.Status.UNKNOWN);
    }

    @Test
    void aFailedCallSaysNothingAboutTheTerminal() {
        DeviceStatus failed = DeviceStatus.of(DEVICE, ConnectedTerminals.failure(CallOutcome.RETRY_LATER, 503, "HTTP 503", null, Duration.ZERO));
        assertThat(failed.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(failed.online()).isFalse();
        assertThat(failed.status()).isEqualTo(DeviceStatus.Status.UNKNOWN);
        assertThat(failed.message()).isEqualTo("HTTP 503");
        assertThatThrownBy(() -> new DeviceStatus(DEVICE, CallOutcome.SUCCESS, DeviceStatus.Status.UNKNOWN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultClientAsksTheListLimitedToTheTerminal() {
        TerminalApiClient client = new TerminalApiClient() {
            @Override
            public CompletableFuture<ConnectedTerminals> connectedTerminals(String merchantAccount, String store, String uniqueTerminalId) {
                assertThat(store).isNull();
                return CompletableFuture.completedFuture(ConnectedTerminals.success(List.of(uniqueTerminalId), Duration.ZERO));
            }

            @Override
            public CompletableFuture<DiagnosisAnswer> diagnose(DiagnosisCall call) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(client.deviceStatus("Acme", DEVICE).join().online()).isTrue();
    }
}
