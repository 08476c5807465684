package io.fleetdiag.poller.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingsDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhooksSettingsTest {

    private static final String KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    private static ServiceConfig load(Map<String, String> environment) {
        return ServiceConfig.load(SettingsDefinition.defaults(PollerService.definitions()), SettingsDefinition.keys(PollerService.definitions()),
                Optional.empty(), environment);
    }

    @Test
    void withoutAKeyTheRouteIsOff() {
        assertThat(WebhooksSettings.from(load(Map.of()))).isEmpty();
    }

    @Test
    void theKeyComesFromTheEnvironmentOrAFileAndIsNeverShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hmac-key");
        Files.writeString(file, KEY.toLowerCase() + "\n", StandardCharsets.UTF_8);

        WebhooksSettings direct = WebhooksSettings.from(load(Map.of("FLEETDIAG_WEBHOOKS_HMAC_KEY", KEY))).orElseThrow();
        WebhooksSettings fromFile = WebhooksSettings.from(load(Map.of("FLEETDIAG_WEBHOOKS_HMAC_KEY_FILE", file.toString()))).orElseThrow();

        assertThat(direct.hmacKey()).isEqualTo(KEY);
        assertThat(fromFile.hmacKey()).isEqualTo(KEY.toLowerCase());
        assertThat(direct.toString()).doesNotContain(KEY);
    }

    @Test
    void aKeyThatIsNotHexStopsTheStartWithTheSettingNamed() {
        assertThatThrownBy(() -> WebhooksSettings.from(load(Map.of("FLEETDIAG_WEBHOOKS_HMAC_KEY", "my-webhook-password"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("webhooks.hmac-key").hasMessageNotContaining("my-webhook-password");
    }

    @Test
    void aKeyWithoutTheEventsListenerStopsTheStartBeforeAnythingConnects() {
        ServiceConfig config = load(Map.of("FLEETDIAG_WEBHOOKS_HMAC_KEY", KEY, "FLEETDIAG_POLLER_SCOPES", "AcmeRetail_EU"));

        assertThatThrownBy(() -> PollerService.start(config, null, Map.of(), new CompletableFuture<>()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("events.password").hasMessageContaining("inventory.endpoint");
    }
}
