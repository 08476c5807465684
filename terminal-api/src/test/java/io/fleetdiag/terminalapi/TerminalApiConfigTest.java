package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalApiConfigTest {

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        URI simulator = URI.create("http://127.0.0.1:8089/");

        assertThatThrownBy(() -> TerminalApiConfig.of(simulator, ApiFlavour.TERMINAL_API, ApiKey.of("k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain HTTP");
        assertThat(new TerminalApiConfig(simulator, ApiFlavour.TERMINAL_API, ApiKey.of("k"),
                TerminalApiConfig.DEFAULT_REQUEST_TIMEOUT, TerminalApiConfig.DEFAULT_CONNECT_TIMEOUT, true, null).baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8089"));
    }

    @Test
    void theDefaultTimeoutOutlastsAdyensSynchronousWindow() {
        assertThat(TerminalApiConfig.DEFAULT_REQUEST_TIMEOUT).isGreaterThan(java.time.Duration.ofSeconds(150));
    }

    @Test
    void endpointsResolveByNameOrUrl() {
        assertThat(AdyenEndpoint.resolve("test", ApiFlavour.TERMINAL_API)).isEqualTo(URI.create("https://terminal-api-test.adyen.com"));
        assertThat(AdyenEndpoint.resolve("live-us", ApiFlavour.DEVICE_API)).isEqualTo(URI.create("https://device-api-live-us.adyen.com"));
        assertThat(AdyenEndpoint.resolve("http://localhost:1", ApiFlavour.DEVICE_API)).isEqualTo(URI.create("http://localhost:1"));
        assertThatThrownBy(() -> AdyenEndpoint.resolve("staging", ApiFlavour.TERMINAL_API)).hasMessageContaining("staging");
    }

    @Test
    void theApiKeyComesFromTheEnvironmentOrAFileAndNeverPrints(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("adyen.key");
        Files.writeString(file, "AQE1secret\n");

        assertThat(ApiKey.fromEnvironment(Map.of(ApiKey.ENV, "AQEdirect")).orElseThrow().reveal()).isEqualTo("AQEdirect");
        assertThat(ApiKey.fromEnvironment(Map.of(ApiKey.FILE_ENV, file.toString())).orElseThrow().reveal()).isEqualTo("AQE1secret");
        assertThat(ApiKey.fromEnvironment(Map.of())).isEmpty();
        assertThat(ApiKey.of("AQE1secret").toString()).doesNotContain("AQE1secret");
        assertThat(TerminalApiConfig.of(URI.create("https://x"), ApiFlavour.TERMINAL_API, ApiKey.of("AQE1secret")).toString())
                .doesNotContain("AQE1secret");
    }
}
