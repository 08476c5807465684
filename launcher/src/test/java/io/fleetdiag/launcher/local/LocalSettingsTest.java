package io.fleetdiag.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.launcher.local.LocalSettings.Service;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --set reaches the services that declare the setting, over the cadence; a wrong one is refused before anything starts. */
class LocalSettingsTest {

    private static final Map<String, String> WIRING = Map.of("poller.scopes", "AcmeRetail_EU");

    @Test
    void eachServiceGetsTheCadenceAndTheLocalValuesOverItsDefaults() {
        LocalSettings settings = LocalSettings.of(100_000, 2, Map.of());

        ServiceConfig poller = settings.config(Service.POLLER, WIRING);
        assertThat(poller.get("poller.poll-interval")).isEqualTo("25s");
        assertThat(poller.get("poller.check-interval")).isEqualTo("9m");
        assertThat(poller.get("poller.lease-timeout")).isEqualTo("6s");
        assertThat(settings.config(Service.PROCESSOR, Map.of()).get("processor.stale-after")).isEqualTo("27m");
        ServiceConfig dispatcher = settings.config(Service.DISPATCHER, Map.of());
        assertThat(dispatcher.get("dispatcher.rate-per-merchant")).isEqualTo("125");
        assertThat(dispatcher.get("dispatcher.max-in-flight")).isEqualTo("256");
        assertThat(poller.find("dispatcher.rate-per-merchant")).as("only the service that declares a setting gets it").isEmpty();
    }

    @Test
    void aSetValueWinsOverTheCadenceInTheServicesThatDeclareItAndKafkaClientSettingsReachAllThree() {
        LocalSettings settings = LocalSettings.of(100_000, 2, Map.of("poller.check-interval", "5m", "processor.stale-after", "15m",
                "kafka.linger.ms", "20"));

        assertThat(settings.config(Service.POLLER, WIRING).get("poller.check-interval")).isEqualTo("5m");
        assertThat(settings.config(Service.PROCESSOR, Map.of()).get("processor.stale-after")).isEqualTo("15m");
        for (Service service : Service.values()) {
            assertThat(settings.config(service, WIRING).kafka()).containsEntry("linger.ms", "20");
        }
        List<String> lines = new ArrayList<>();
        settings.describe(lines::add);
        assertThat(lines.get(0)).contains("100,000 terminals").contains("polls every 25s").contains("checks every 5m (--set)")
                .contains("stale after 15m (--set)");
        assertThat(lines.get(1)).contains("why:").contains("--set");
        assertThat(lines.get(2)).isEqualTo("  also set with --set: kafka.linger.ms");
    }

    @Test
    void anUnknownKeyAWiredKeyABadValueAndAMissingValueAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> LocalSettings.of(1_000, 2, Map.of("poller.pol-interval", "10s")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("--set poller.pol-interval: no service has this setting; every setting is in docs/configuration.md");
        assertThatThrownBy(() -> LocalSettings.of(1_000, 2, Map.of("http.port", "9000")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--http-port");
        assertThatThrownBy(() -> LocalSettings.of(1_000, 2, Map.of("poller.poll-interval", "soon")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("poller.poll-interval").hasMessageContaining("soon");
        assertThatThrownBy(() -> LocalSettings.of(1_000, 2, Map.of("processor.battery-low-below", "150")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("processor.battery-low-below").hasMessageContaining("100");
        assertThatThrownBy(() -> LocalSettings.of(1_000, 2, Map.of("processor.battery-low-below", "40")))
                .as("refused as the processor's own start refuses it: low above recovered")
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("processor.battery-*");
        assertThatThrownBy(() -> LocalSettings.of(1_000, 2, Map.of("poller.check-interval", "")))
                .isInstanceOf(ConfigurationException.class).hasMessage("--set poller.check-interval: give a value, as --set poller.check-interval=VALUE");
    }
}
