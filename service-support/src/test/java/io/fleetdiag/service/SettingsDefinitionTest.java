package io.fleetdiag.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsDefinitionTest {

    private static final SettingsDefinition DEFINITION = SettingsDefinition.named("example")
            .define("example.threads", SettingType.INT, "4", SettingCheck.between(1, 64), "worker threads")
            .define("example.wait", SettingType.DURATION, "30s", SettingCheck.positive(), "how long | to wait")
            .define("example.mode", SettingType.STRING, "fast", SettingCheck.oneOf("fast", "careful"), "how to work")
            .define("example.url", SettingType.URL, "http://localhost:1", "where to go")
            .optional("example.file", SettingType.PATH, "an optional file")
            .secret("example.credentials", "who we are")
            .define(SettingKey.secret("example.signing-key"), null, "signs things")
            .optional("example.token-file", SettingType.PATH, "where the tokens are (a path, not a secret)");

    @Test
    void theDefaultsAreTheDeclaredOnesAndOptionalSettingsHaveNone() {
        assertThat(DEFINITION.defaults()).containsOnly(Map.entry("example.threads", "4"), Map.entry("example.wait", "30s"),
                Map.entry("example.mode", "fast"), Map.entry("example.url", "http://localhost:1"));
        DEFINITION.validate(ServiceConfig.of(DEFINITION.defaults()));
    }

    @Test
    void aValueOutsideItsRuleNamesTheSettingItsVariableAndTheRule() {
        ServiceConfig config = ServiceConfig.of(DEFINITION.defaults());

        assertThatThrownBy(() -> DEFINITION.validate(config.with("example.threads", "0"))).isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting 'example.threads' (FLEETDIAG_EXAMPLE_THREADS) must be from 1 to 64, not '0'");
        assertThatThrownBy(() -> DEFINITION.validate(config.with("example.wait", "0s"))).hasMessageContaining("above zero");
        assertThatThrownBy(() -> DEFINITION.validate(config.with("example.mode", "reckless")))
                .hasMessageContaining("one of fast, careful");
        assertThatThrownBy(() -> DEFINITION.validate(config.with("example.threads", "many"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DEFINITION.validate(config.with("example.url", "localhost:1"))).hasMessageContaining("URL");
        DEFINITION.validate(config.with("example.mode", "CAREFUL"));
    }

    @Test
    void aKeyIsDefinedOnce() {
        assertThatThrownBy(() -> SettingsDefinition.named("twice").optional("a", SettingType.STRING, "one")
                .optional("a", SettingType.STRING, "two")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListingMasksDeclaredSecretsAndNamesThatLookSecret() {
        ServiceConfig config = ServiceConfig.of(DEFINITION.defaults()).with("example.credentials", "hunter2")
                .with("kafka.sasl.jaas.config", "password=\"swordfish\"");

        assertThat(SettingsDefinition.listing(List.of(DEFINITION), config)).doesNotContain("hunter2").doesNotContain("swordfish")
                .contains("example.threads=4");
    }

    @Test
    void secretsAreMaskedByTheirTypeNotByTheirName() {
        ServiceConfig config = ServiceConfig.of(DEFINITION.defaults()).with("example.signing-key", "k3y-material")
                .with("example.token-file", "/run/secrets/tokens")
                .with("kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----MIIE")
                .with("kafka.ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----MIIB")
                .with("kafka.ssl.key.password", "pem-pass")
                .with("kafka.ssl.keystore.location", "/etc/kafka/keystore.p12")
                .with("kafka.bootstrap.servers", "broker:9092");

        String listing = SettingsDefinition.listing(List.of(DEFINITION), config);

        assertThat(listing).as("SECRET settings and Kafka's PASSWORD-typed settings")
                .doesNotContain("k3y-material", "PRIVATE KEY", "CERTIFICATE", "pem-pass")
                .contains("example.signing-key=****", "kafka.ssl.keystore.key=****");
        assertThat(listing).as("a path is not a secret, whatever its name says")
                .contains("example.token-file=/run/secrets/tokens", "kafka.ssl.keystore.location=/etc/kafka/keystore.p12", "kafka.bootstrap.servers=broker:9092");
    }

    @Test
    void theEnvironmentAlsoGivesSettingsWithoutADefault() {
        ServiceConfig config = ServiceLauncher.config("example", List.of(DEFINITION), new String[0],
                Map.of("FLEETDIAG_EXAMPLE_FILE", "/tmp/x", "FLEETDIAG_EXAMPLE_WAIT", "2m"));

        assertThat(config.get("example.file")).isEqualTo("/tmp/x");
        assertThat(config.duration("example.wait")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> ServiceLauncher.config("example", List.of(DEFINITION), new String[0],
                Map.of("FLEETDIAG_EXAMPLE_THREADS", "100"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("example.threads");
    }

    @Test
    void theTableHasOneRowPerSettingWithItsVariableDefaultAndRule() {
        assertThat(DEFINITION.markdownTable().lines().toList()).hasSize(10)
                .contains("| `example.threads` | `FLEETDIAG_EXAMPLE_THREADS` | `4` | whole number, from 1 to 64 | worker threads |",
                        "| `example.wait` | `FLEETDIAG_EXAMPLE_WAIT` | `30s` | duration, above zero | how long \\| to wait |",
                        "| `example.file` | `FLEETDIAG_EXAMPLE_FILE` | - | file path | an optional file |",
                        "| `example.signing-key` | `FLEETDIAG_EXAMPLE_SIGNING_KEY` | - | secret, never shown | signs things |");
    }
}
