package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdyenSettingsTest {

    @Test
    void theApiKeyNeverComesFromASetting(@TempDir Path dir) throws Exception {
        ServiceConfig withKey = ServiceConfig.of(AdyenSettings.DEFAULTS).with("adyen.api-key", "AQEsecret");
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, "AQEfromfile");

        assertThatThrownBy(() -> AdyenSettings.terminalApi(withKey, Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ADYEN_API_KEY").hasMessageNotContaining("AQEsecret");
        assertThatThrownBy(() -> AdyenSettings.terminalApi(ServiceConfig.of(AdyenSettings.DEFAULTS), Map.of()))
                .hasMessageContaining("No Adyen API key");
        assertThat(AdyenSettings.terminalApi(ServiceConfig.of(AdyenSettings.DEFAULTS).with("adyen.api-key-file", keyFile.toString()),
                Map.of()).apiKey().reveal()).isEqualTo("AQEfromfile");
        assertThat(AdyenSettings.terminalApi(ServiceConfig.of(AdyenSettings.DEFAULTS), Map.of("ADYEN_API_KEY", "AQEenv"))
                .baseUrl().toString()).isEqualTo("https://terminal-api-test.adyen.com");
    }

    @Test
    void anUnknownFlavourIsRefusedBeforeAnyCall() {
        ServiceConfig config = ServiceConfig.of(AdyenSettings.DEFAULTS).with("adyen.flavour", "rest");

        assertThatThrownBy(() -> AdyenSettings.DEFINITION.validate(config)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("adyen.flavour").hasMessageContaining("terminal-api, device-api");
    }
}
