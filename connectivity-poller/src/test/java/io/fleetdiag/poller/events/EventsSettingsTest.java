package io.fleetdiag.poller.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingsDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsSettingsTest {

    private static ServiceConfig load(Map<String, String> environment) {
        return ServiceConfig.load(SettingsDefinition.defaults(PollerService.definitions()), SettingsDefinition.keys(PollerService.definitions()),
                Optional.empty(), environment);
    }

    @Test
    void withoutAPasswordTheEndpointIsOff() {
        assertThat(EventsSettings.from(load(Map.of()))).isEmpty();
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrAFileAndIsNeverShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events-password");
        Files.writeString(file, "from-a-file\n", StandardCharsets.UTF_8);

        EventsSettings direct = EventsSettings.from(load(Map.of("FLEETDIAG_EVENTS_PASSWORD", "from-the-environment"))).orElseThrow();
        EventsSettings fromFile = EventsSettings.from(load(Map.of("FLEETDIAG_EVENTS_PASSWORD_FILE", file.toString()))).orElseThrow();

        assertThat(direct.password()).isEqualTo("from-the-environment");
        assertThat(direct.port()).isEqualTo(8093);
        assertThat(direct.username()).isEqualTo("fleetdiag");
        assertThat(fromFile.password()).isEqualTo("from-a-file");
        assertThat(direct.toString()).doesNotContain("from-the-environment");
    }
}
