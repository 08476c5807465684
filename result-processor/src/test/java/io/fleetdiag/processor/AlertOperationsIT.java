package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledging and silencing on the real broker with two processor instances: each takes a request the
 * other may own, both see the operation through the alert-operations topic, a later alert is flagged.
 */
@ExtendWith(TestClusterExtension.class)
class AlertOperationsIT {

    private static final String TOKEN = "it-token";
    private static final String ACKED = "V400m-700000001";
    private static final String SILENCED = "V400m-700000002";

    private final Closer resources = new Closer();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path work;

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    @Test
    void anAcknowledgementAndASilenceReachEveryInstanceAndFlagTheAlertsThatFollow(TestCluster cluster) throws Exception {
        String prefix = cluster.uniqueName("operations") + ".";
        TopicCatalog catalog = TopicCatalog.create(TopicNames.from(Map.of("topics.prefix", prefix)),
                new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl())));
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
        }
        ProcessorService one = start(cluster, prefix, "one");
        ProcessorService two = start(cluster, prefix, "two");
        RecordCollector<String, TerminalAlert> alerts = resources.keep(RecordCollector.start(cluster, catalog.alerts().name(),
                new StringDeserializer(), catalog.alerts().valueSerde().deserializer()));
        RecordCollector<String, AlertOperation> operations = resources.keep(RecordCollector.start(cluster, catalog.alertOperations().name(),
                new StringDeserializer(), catalog.alertOperations().valueSerde().deserializer()));
        await().atMost(Duration.ofSeconds(90)).until(() -> one.streams().state() == KafkaStreams.State.RUNNING
                && two.streams().state() == KafkaStreams.State.RUNNING);

        produce(cluster, catalog, battery(ACKED, 10));
        TerminalAlert raised = await().atMost(Duration.ofSeconds(60)).until(() -> edge(alerts, ACKED, AlertStatus.RAISED), Optional::isPresent).get();
        assertThat(raised.getPaging()).isTrue();

        for (ProcessorService instance : List.of(one, two)) {
            assertThat(call(instance, "POST", "/api/alerts/unknown-alert/ack", "{\"by\": \"Ana\"}").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> ack = call(two, "POST", "/api/alerts/" + raised.getAlertId() + "/ack", "{\"by\": \"Ana\", \"note\": \"charger ordered\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> operations.values().stream().anyMatch(operation ->
                operation.getKind() == AlertOperationKind.ACKNOWLEDGEMENT && operation.getId().equals(raised.getAlertId())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ProcessorService instance : List.of(one, two)) {
                JsonNode active = json(call(instance, "GET", "/api/alerts?active=true", null)).path("items");
                assertThat(active).singleElement().satisfies(alert -> assertThat(alert.path("acknowledgedBy").asText()).isEqualTo(subject()));
                JsonNode state = json(call(instance, "GET", "/api/terminals/" + ACKED, null));
                assertThat(state.path("activeAlerts")).singleElement()
                        .satisfies(alert -> assertThat(alert.path("acknowledgementNote").asText()).isEqualTo("charger ordered"));
            }
        });

        HttpResponse<String> silence = call(one, "POST", "/api/silences", "{\"poiid\": \"" + SILENCED + "\", \"until\": \""
                + Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS) + "\", \"by\": \"Bo\", \"reason\": \"battery swap\"}");
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(201);
        String silenceId = json(silence).path("silenceId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ProcessorService instance : List.of(one, two)) {
                assertThat(json(call(instance, "GET", "/api/silences", null)).path("items")).extracting(node -> node.path("silenceId").asText())
                        .containsExactly(silenceId);
            }
        });

        produce(cluster, catalog, battery(SILENCED, 10));
        produce(cluster, catalog, battery(ACKED, 60));
        TerminalAlert silenced = await().atMost(Duration.ofSeconds(60)).until(() -> edge(alerts, SILENCED, AlertStatus.RAISED), Optional::isPresent).get();
        assertThat(silenced.getSilenced()).isTrue();
        assertThat(silenced.getSilenceId()).isEqualTo(silenceId);
        assertThat(silenced.getPaging()).isFalse();
        TerminalAlert resolved = await().atMost(Duration.ofSeconds(60)).until(() -> edge(alerts, ACKED, AlertStatus.RESOLVED), Optional::isPresent).get();
        assertThat(resolved.getAcknowledgedBy()).as("who the token names, not the body's by").isEqualTo(subject());
        assertThat(resolved.getPaging()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                call(one, "POST", "/api/alerts/" + raised.getAlertId() + "/ack", "{\"by\": \"Ana\"}").statusCode()).isEqualTo(409));
        assertThat(call(two, "DELETE", "/api/silences/" + silenceId + "?by=Bo", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(call(one, "GET", "/api/silences", null)).path("items")).isEmpty());
    }

    /** Who the processor records for this test's token. */
    private static String subject() throws Exception {
        return TestCallers.serviceToken(TOKEN).authenticate(Optional.of(TOKEN)).subject();
    }

    private ProcessorService start(TestCluster cluster, String prefix, String name) throws Exception {
        Map<String, String> values = new HashMap<>();
        ProcessorService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.put("processor.application-id", prefix + "processor");
        values.put("processor.state-dir", work.resolve(name).toString());
        values.put("processor.commit-interval", "100ms");
        return resources.keep(ProcessorService.start(ServiceConfig.of(values), Map.of("FLEETDIAG_HTTP_TOKEN", TOKEN), new CompletableFuture<>()));
    }

    private static DiagnosisResult battery(String poiid, int level) {
        return Fixtures.success(poiid, Instant.now(), p -> p.battery = level);
    }

    private static void produce(TestCluster cluster, TopicCatalog catalog, DiagnosisResult result) throws Exception {
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.results().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(catalog.results().name(), null, result.getCompletedAt().toEpochMilli(), result.getPoiid(), result))
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static Optional<TerminalAlert> edge(RecordCollector<String, TerminalAlert> alerts, String poiid, AlertStatus status) {
        return alerts.values().stream().filter(alert -> poiid.equals(alert.getPoiid()) && alert.getType() == AlertType.BATTERY_LOW
                && alert.getStatus() == status).findFirst();
    }

    private HttpResponse<String> call(ProcessorService instance, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode() / 100).as("%s %s", response.statusCode(), response.body()).isEqualTo(2);
        return Json.MAPPER.readTree(response.body());
    }
}
