package io.fleetdiag.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The connectors and worker docker-compose deploys (docker/connect/) are the ones the in-process
 * lake runs and its tests check, with the compose hosts and warehouse.
 */
class ConnectorJsonTest {

    private static final Path CONNECT = Path.of("..", "docker", "connect");
    private static final LakeSettings COMPOSE = new LakeSettings("kafka:9092", "http://schema-registry:8080/apis/ccompat/v6",
            io.fleetdiag.topics.TopicNames.defaults(), Path.of("/var/lib/fleetdiag-lake"), Path.of("/opt/fleetdiag/plugins"),
            Duration.ofSeconds(10), 8083, LakeSettings.CONTROL_TOPIC, LakeSettings.DEAD_LETTER_TOPIC);

    @Test
    void everyTableHasItsConnectorInTheRepository() throws IOException {
        for (LakeTable table : LakeTable.all()) {
            Map<String, String> json = new ObjectMapper().readValue(CONNECT.resolve(table.name() + ".json").toFile(),
                    new TypeReference<Map<String, String>>() { });
            assertThat(json).as(table.name()).isEqualTo(LakeConnectors.sink(COMPOSE, table));
        }
    }

    @Test
    void theComposeWorkerUsesTheRegistryConverterAndThePluginPath() throws IOException {
        Properties worker = new Properties();
        try (InputStream in = Files.newInputStream(CONNECT.resolve("connect-distributed.properties"))) {
            worker.load(in);
        }
        Map<String, String> inProcess = LakeConnectors.worker(COMPOSE);
        for (String key : new String[] {"bootstrap.servers", "key.converter", "value.converter",
                "value.converter.schema.registry.url", "plugin.path"}) {
            assertThat(worker.getProperty(key)).as(key).isEqualTo(inProcess.get(key));
        }
    }
}
