package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.kafka.embedded.EmbeddedKafka;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.SchemaRegistryProcess;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services on a broker whose client listener requires SASL/SCRAM-SHA-512: producer, consumer,
 * admin and Kafka Streams (exactly-once) all authenticate from the {@code kafka.*} settings, and a
 * wrong password stops a service with a message that says so, without the password.
 */
class SaslKafkaIT {

    private static final String KEY = "AQEsasl-it-key";
    private static final EmbeddedKafka.ScramUser USER = new EmbeddedKafka.ScramUser("fleetdiag", "scram-" + UUID.randomUUID());
    private static final Closer RESOURCES = new Closer();
    private static EmbeddedKafka kafka;
    private static SchemaRegistryProcess registry;
    private static TerminalSimulator simulator;

    @TempDir
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        registry = RESOURCES.keep(SchemaRegistryProcess.start(Paths.get("target")));
        kafka = RESOURCES.keep(EmbeddedKafka.startWithScram(data.resolve("kafka"), FreePorts.next(), FreePorts.next(), FreePorts.next(), USER));
        simulator = RESOURCES.keep(TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(20).withReferenceTerminals(false)));
    }

    @AfterAll
    static void stop() throws Exception {
        RESOURCES.close();
    }

    private static Map<String, String> sasl(String password) {
        return Map.of(
                "kafka.bootstrap.servers", kafka.saslBootstrapServers(),
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + USER.name() + "\" password=\"" + password + "\";");
    }

    private static ServiceConfig config(List<Map<String, String>> defaults, String prefix, Map<String, String> more) {
        Map<String, String> values = new HashMap<>();
        defaults.forEach(values::putAll);
        values.put("schema.registry.url", registry.confluentApiUrl());
        values.put("topics.prefix", prefix);
        values.put("topics.partitions", "2");
        values.put("http.port", "0");
        values.putAll(more);
        return ServiceConfig.of(values);
    }

    @Test
    void everyClientOfTheServicesAuthenticatesWithScram() throws Exception {
        String prefix = "sasl-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Map<String, String> more = new HashMap<>(sasl(USER.password()));
        more.put("processor.application-id", prefix + "processor");
        more.put("processor.state-dir", data.resolve("state").toString());
        more.put("dispatcher.group-id", prefix + "dispatcher");
        ServiceConfig processorConfig = config(ProcessorService.defaults(), prefix, more);
        ProcessorService processor = RESOURCES.keep(ProcessorService.start(processorConfig, Map.of(), new CompletableFuture<>()));
        TerminalApiClient adyen = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API, ApiKey.of(KEY), true));
        RESOURCES.keep(DispatcherService.start(config(DispatcherService.defaults(), prefix, more), adyen, Map.of(), new CompletableFuture<>()));
        assertThat(processor.awaitRunning(Duration.ofMinutes(2))).isTrue();

        KafkaSettings clients = new KafkaSettings(processorConfig, "sasl-it");
        TopicCatalog catalog = clients.catalog(clients.registry());
        Terminal terminal = simulator.fleet().terminals().get(0);
        try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(clients.producer(), new StringSerializer(),
                catalog.checkRequests().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(catalog.checkRequests().name(), terminal.poiid(), DiagnosisCheckRequest.newBuilder()
                    .setRequestId("sasl-check").setPoiid(terminal.poiid()).setReason(CheckReason.MANUAL).setRequestedAt(Instant.now())
                    .build())).get();
        }

        HttpClient http = HttpClient.newHttpClient();
        URI state = URI.create("http://127.0.0.1:" + processor.httpPort() + "/api/terminals/" + terminal.poiid());
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(state).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(answer.body());
            assertThat(json.path("lastCheck").path("requestId").asText()).isEqualTo("sasl-check");
            assertThat(json.path("lastCheck").path("outcome").asText()).isEqualTo("SUCCESS");
        });
    }

    @Test
    void aWrongPasswordStopsTheServiceSayingAuthenticationFailed() {
        String wrong = "not-" + USER.password();
        String prefix = "sasl-wrong.";
        TerminalApiClient adyen = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API, ApiKey.of(KEY), true));
        assertThatThrownBy(() -> DispatcherService.start(config(DispatcherService.defaults(), prefix, sasl(wrong)), adyen, Map.of(),
                new CompletableFuture<>()))
                .hasMessageContaining("Authentication failed")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(wrong));
    }
}
