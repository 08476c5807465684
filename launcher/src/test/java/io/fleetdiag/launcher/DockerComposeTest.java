package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingsDefinition;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked against the build: every
 * service, image, command, setting, port and health check it names must exist.
 */
class DockerComposeTest {

    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("fleetdiag.compose")))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static final Map<String, List<SettingsDefinition>> DEFINITIONS = Map.of(
            "processor", ProcessorService.definitions(), "dispatcher", DispatcherService.definitions(), "poller", PollerService.definitions());
    private static final Map<String, List<Map<String, String>>> DEFAULTS = Map.of(
            "processor", ProcessorService.defaults(), "dispatcher", DispatcherService.defaults(), "poller", PollerService.defaults());

    @Test
    void itRunsKafkaARegistryTheThreeServicesAndTheSimulatorAsAProfile() {
        assertThat(services).containsOnlyKeys("kafka", "schema-registry", "processor", "dispatcher", "poller", "simulator", "connect");
        assertThat(services.get("simulator").get("profiles")).isEqualTo(List.of("simulator"));
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:4.4");
        assertThat((String) services.get("schema-registry").get("image")).startsWith("apicurio/apicurio-registry");
    }

    @Test
    void fleetdiagContainersRunTheJibImageWithARealSubcommand() {
        Set<String> subcommands = new CommandLine(new FleetdiagCommand()).getSubcommands().keySet();
        for (String name : List.of("processor", "dispatcher", "poller", "simulator")) {
            Map<String, Object> service = services.get(name);
            assertThat(service.get("image")).as(name).isEqualTo(System.getProperty("fleetdiag.image"));
            assertThat(subcommands).as(name).contains(((List<?>) service.get("command")).get(0).toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableIsASettingOfItsService() {
        for (Map.Entry<String, List<Map<String, String>>> entry : DEFAULTS.entrySet()) {
            Map<String, String> defaults = new HashMap<>();
            entry.getValue().forEach(defaults::putAll);
            Set<String> known = new HashSet<>(List.of("FLEETDIAG_HTTP_TOKEN", "ADYEN_API_KEY", "ADYEN_API_KEY_FILE"));
            defaults.keySet().forEach(key -> known.add(ServiceConfig.environmentName(key)));
            SettingsDefinition.keys(DEFINITIONS.get(entry.getKey())).forEach(key -> known.add(ServiceConfig.environmentName(key)));
            Map<String, Object> environment = (Map<String, Object>) services.get(entry.getKey()).get("environment");
            assertThat(environment.keySet()).as(entry.getKey())
                    .allSatisfy(variable -> assertThat(known.contains(variable) || variable.startsWith("FLEETDIAG_KAFKA_"))
                            .as("%s of %s is a setting", variable, entry.getKey()).isTrue());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesRequireATokenAndOnlyTheApiIsPublishedBeyondThisHost() {
        Map<String, Object> common = (Map<String, Object>) compose.get("x-fleetdiag-env");
        assertThat((String) common.get("FLEETDIAG_HTTP_TOKEN")).as("no empty-token default").startsWith("${FLEETDIAG_HTTP_TOKEN:?");
        for (String name : List.of("processor", "dispatcher", "poller")) {
            assertThat((Map<String, Object>) services.get(name).get("environment")).as(name).containsEntry("FLEETDIAG_HTTP_TOKEN",
                    common.get("FLEETDIAG_HTTP_TOKEN"));
        }
        for (String name : List.of("kafka", "schema-registry", "simulator", "connect")) {
            assertThat((List<String>) services.get(name).get("ports")).as(name).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void portsMatchTheServicesDefaultsAndEveryServiceHasAHealthCheck() {
        assertThat((List<String>) services.get("processor").get("ports")).containsExactly(
                "8080:" + defaults("processor").get("http.port"));
        assertThat(((Map<String, Object>) services.get("dispatcher").get("environment")).get("FLEETDIAG_HTTP_PORT"))
                .isEqualTo(defaults("dispatcher").get("http.port"));
        assertThat(((Map<String, Object>) services.get("poller").get("environment")).get("FLEETDIAG_HTTP_PORT"))
                .isEqualTo(defaults("poller").get("http.port"));
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        services.forEach((name, service) -> ((List<String>) service.getOrDefault("volumes", List.of()))
                .forEach(volume -> {
                    String source = volume.substring(0, volume.indexOf(':'));
                    if (source.startsWith("./")) {
                        // a build output (the plugin directory) need not exist yet, the module that builds it must
                        assertThat(Path.of(System.getProperty("fleetdiag.compose")).resolveSibling(source.replaceFirst("/target/.*", ""))).as(volume).exists();
                    } else {
                        assertThat(volumes).containsKey(source);
                    }
                }));
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                assertThat(services.keySet()).as(name).containsAll((Set<String>) dependencies.keySet());
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLakeProfileRunsAConnectWorkerWithThePluginAndTheConnectorsOfTheRepository() throws Exception {
        Map<String, Object> connect = services.get("connect");
        assertThat(connect.get("profiles")).isEqualTo(List.of("lake"));
        assertThat((String) connect.get("image")).as("Connect 4.3: the Iceberg sink 1.12 needs a class Kafka 4.4 made internal (docs/lake.md)")
                .isEqualTo("apache/kafka:4.3.1");
        assertThat((List<String>) connect.get("command")).first().asString().endsWith("/connect-distributed.sh");
        assertThat((List<String>) connect.get("volumes"))
                .contains("./lake-connect-plugin/target/plugin:/opt/fleetdiag/plugins:ro");
        Path connectors = Path.of(System.getProperty("fleetdiag.compose")).resolveSibling("docker/connect");
        try (var files = Files.list(connectors)) {
            assertThat(files.filter(file -> file.toString().endsWith(".json")).map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("diagnosis_results.json", "terminal_alerts.json", "terminal_state.json",
                            "store_health.json", "connectivity_snapshots.json");
        }
    }

    private static Map<String, String> defaults(String service) {
        Map<String, String> defaults = new HashMap<>();
        DEFAULTS.get(service).forEach(defaults::putAll);
        return defaults;
    }
}
