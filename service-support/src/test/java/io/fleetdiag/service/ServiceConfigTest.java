package io.fleetdiag.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {

    @Test
    void theEnvironmentOverridesTheFileWhichOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("poller.properties");
        Files.writeString(file, "poller.poll-interval=10s\nkafka.bootstrap.servers=file:9092\n");

        ServiceConfig config = ServiceConfig.load(
                Map.of("poller.poll-interval", "30s", "poller.check-interval", "15m", "kafka.bootstrap.servers", "default:9092"),
                Optional.of(file),
                Map.of("FLEETDIAG_KAFKA_BOOTSTRAP_SERVERS", "env:9092", "FLEETDIAG_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "FLEETDIAG_POLLER_CHECK_INTERVAL", "5m", "UNRELATED", "x"));

        assertThat(config.duration("poller.poll-interval")).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.duration("poller.check-interval")).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.kafka()).containsEntry("bootstrap.servers", "env:9092").containsEntry("security.protocol", "SASL_SSL")
                .hasSize(2);
    }

    @Test
    void durationsNumbersAndListsReadAsDocumented() {
        ServiceConfig config = ServiceConfig.of(Map.of("a", "500ms", "b", "PT2M", "c", "1.5h", "n", "12", "l", " x, y ,,z", "t", "TRUE"));

        assertThat(config.duration("a")).isEqualTo(Duration.ofMillis(500));
        assertThat(config.duration("b")).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.duration("c")).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.intValue("n")).isEqualTo(12);
        assertThat(config.list("l")).containsExactly("x", "y", "z");
        assertThat(config.list("absent")).isEmpty();
        assertThat(config.bool("t")).isTrue();
    }

    @Test
    void badOrMissingSettingsSayWhatToChange() {
        ServiceConfig config = ServiceConfig.of(Map.of("d", "soon", "n", "many"));

        assertThatThrownBy(() -> config.duration("d")).isInstanceOf(ConfigurationException.class).hasMessageContaining("'d'");
        assertThatThrownBy(() -> config.intValue("n")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> config.get("poller.scopes")).hasMessageContaining("FLEETDIAG_POLLER_SCOPES");
    }

    @Test
    void secretsAreMaskedWhenTheConfigurationIsPrinted() {
        ServiceConfig config = ServiceConfig.of(Map.of("kafka.sasl.jaas.config", "password=\"hunter2\"",
                "schema.registry.basic.auth.user.info", "u:p", "kafka.bootstrap.servers", "b:9092"));

        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("u:p").contains("b:9092");
    }
}
