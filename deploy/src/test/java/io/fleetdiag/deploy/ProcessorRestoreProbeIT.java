package io.fleetdiag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.SampleRecords;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor restarted on an empty state directory restores its stores from the changelogs, and meanwhile
 * answers {@code /health/live} 200 and {@code /health/ready} 503: Kubernetes neither kills it nor sends it
 * queries. The restore is made long by reading the changelogs a few records per poll, as a large state would.
 */
@ExtendWith(TestClusterExtension.class)
class ProcessorRestoreProbeIT {

    private static final int TERMINALS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    /** One probe answer: the route's status code and the restoring stores the body reported. */
    private record Sample(String route, int status, int restoring) {
    }

    @Test
    void aRestoringProcessorIsLiveButNotReadyUntilItsStateIsBack(TestCluster cluster) throws Exception {
        String prefix = cluster.uniqueName("restore") + ".";
        Map<String, String> settings = new HashMap<>();
        ProcessorService.defaults().forEach(settings::putAll);
        settings.putAll(cluster.serviceSettings(prefix));
        settings.putAll(Map.of("processor.application-id", prefix + "processor", "processor.commit-interval", "100ms",
                "processor.state-dir", work.resolve("first").toString()));
        TopicCatalog catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());

        try (ProcessorService first = ProcessorService.start(ServiceConfig.of(settings), Map.of(), new CompletableFuture<>())) {
            assertThat(first.awaitRunning(Duration.ofMinutes(3))).isTrue();
            try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(),
                    catalog.results().keySerde().serializer(), catalog.results().valueSerde().serializer())) {
                Instant now = Instant.now();
                for (int i = 0; i < TERMINALS; i++) {
                    String poiid = "V400m-" + (100_000_000 + i);
                    producer.send(new ProducerRecord<>(catalog.results().name(), poiid, DiagnosisResult.newBuilder(SampleRecords.terminalResult())
                            .setPoiid(poiid).setRequestId("restore-" + i).setRequestedAt(now).setCompletedAt(now).build()));
                }
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> get(first.httpPort(), "/api/fleet").path("terminals").asInt() == TERMINALS);
        }

        // the same application on an empty state directory: everything comes back from the changelogs, slowly
        settings.put("processor.state-dir", work.resolve("second").toString());
        settings.put("kafka.restore.consumer.max.poll.records", "5");
        List<Sample> samples = new CopyOnWriteArrayList<>();
        try (ProcessorService second = ProcessorService.start(ServiceConfig.of(settings), Map.of(), new CompletableFuture<>())) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
                samples.add(probe(second.httpPort(), "/health/live"));
                Sample ready = probe(second.httpPort(), "/health/ready");
                samples.add(ready);
                return ready.status() == 200;
            });
            assertThat(get(second.httpPort(), "/api/fleet").path("terminals").asInt()).as("state restored, not rebuilt").isEqualTo(TERMINALS);
        }

        assertThat(samples).filteredOn(sample -> sample.route().equals("/health/live")).as("never told to restart")
                .allSatisfy(sample -> assertThat(sample.status()).isEqualTo(200));
        assertThat(samples).filteredOn(sample -> sample.route().equals("/health/ready") && sample.restoring() > 0)
                .as("seen restoring, and not ready while it did").isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.status()).isEqualTo(503));
    }

    private static Sample probe(int port, String route) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Sample(route, response.statusCode(), JSON.readTree(response.body()).path("restoringStores").asInt());
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
