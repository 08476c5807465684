package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the dashboard asks of two processor instances on the real broker, with a token set: paged lists
 * gathered from both, the alert history, live events from the topics, and a MANUAL check written.
 */
@ExtendWith(TestClusterExtension.class)
class DashboardApiIT {

    private static final int TERMINALS = 30;
    private static final String TOKEN = "dashboard-it-token";
    private static final ObjectMapper JSON = ApiInstances.JSON;

    private ApiInstances instances;
    private TestCluster cluster;
    private TopicCatalog catalog;
    @TempDir
    Path work;

    @BeforeEach
    void names(TestCluster testCluster) {
        cluster = testCluster;
        instances = new ApiInstances(cluster, "dashboard", work);
        catalog = instances.catalog();
    }

    @AfterEach
    void close() throws Exception {
        instances.close();
    }

    private ProcessorService instance(String name) throws Exception {
        return instances.start(name, TOKEN, TestCallers.serviceToken(TOKEN));
    }

    private HttpResponse<String> call(ProcessorService instance, String method, String path, String body) throws Exception {
        return instances.call(instance, TOKEN, method, path, body);
    }

    private JsonNode get(ProcessorService instance, String path) throws Exception {
        return instances.get(instance, TOKEN, path);
    }

    private int total(ProcessorService instance, String path) throws Exception {
        return instances.total(instance, TOKEN, path);
    }

    /** How many terminals the (one) store counts so far, or -1 while the instances rebalance. */
    private int storeTerminals(ProcessorService instance) throws Exception {
        HttpResponse<String> answer = call(instance, "GET", "/api/stores", null);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("items").path(0).path("terminals").asInt(-1) : -1;
    }

    private static String poiid(int t) {
        return String.format("V400m-%09d", 500_000_000 + t);
    }

    @Test
    void twoInstancesServeTheDashboardsListsHistoryEventsAndChecks() throws Exception {
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
        }
        ProcessorService one = instance("one");
        ProcessorService two = instance("two");
        await().atMost(Duration.ofSeconds(90)).until(() -> one.streams().state() == KafkaStreams.State.RUNNING
                && two.streams().state() == KafkaStreams.State.RUNNING);
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        HttpResponse<Stream<String>> stream = instances.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + one.httpPort() + "/events"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().forEach(events::add));
        reader.setDaemon(true);
        reader.start();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int lowBattery = 0;
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.results().valueSerde().serializer())) {
            for (int t = 0; t < TERMINALS; t++) {
                int level = t % 3 == 0 ? 10 : 80;
                lowBattery += level < 20 ? 1 : 0;
                producer.send(new ProducerRecord<>(catalog.results().name(), poiid(t), Fixtures.success(poiid(t), now, p -> p.battery = level)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        int expectedLow = lowBattery;
        await().atMost(Duration.ofSeconds(120)).until(() -> total(two, "/api/terminals?size=1") == TERMINALS
                && total(two, "/api/alerts?active=false&type=BATTERY_LOW") == expectedLow
                && storeTerminals(one) == TERMINALS);

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonNode answer = get(two, "/api/terminals?page=" + page + "&size=7");
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("size").asInt()).isEqualTo(7);
            answer.path("items").forEach(item -> paged.add(item.path("poiid").asText()));
        }
        assertThat(paged).as("every terminal once, by POIID, gathered from both instances")
                .containsExactlyElementsOf(IntStream.range(0, TERMINALS).mapToObj(DashboardApiIT::poiid).toList());
        JsonNode low = get(one, "/api/terminals?alertType=BATTERY_LOW&size=500");
        assertThat(low.path("total").asInt()).isEqualTo(expectedLow);
        assertThat(low.path("items").get(0).path("battery").asInt()).isEqualTo(10);
        assertThat(low.path("items").get(0).path("activeAlerts").get(0).path("type").asText()).isEqualTo("BATTERY_LOW");
        assertThat(low.path("items").get(0).path("lastOutcome").asText()).isEqualTo("SUCCESS");

        JsonNode stores = get(one, "/api/stores?sort=health");
        assertThat(stores.path("total").asInt()).isEqualTo(1);
        assertThat(stores.path("items").get(0).path("terminals").asInt()).isEqualTo(TERMINALS);
        assertThat(stores.path("items").get(0).path("activeAlerts").asInt()).as("BATTERY_LOW and any of the store's own").isGreaterThanOrEqualTo(expectedLow);
        assertThat(stores.path("items").get(0).path("health").asDouble()).isBetween(0.0, 1.0);

        for (ProcessorService instance : List.of(one, two)) {
            JsonNode history = get(instance, "/api/terminals/" + poiid(0) + "/alerts");
            assertThat(history.path("total").asInt()).as("answered by the owner, whichever is asked").isEqualTo(1);
            assertThat(history.path("items").get(0).path("status").asText()).isEqualTo("ACTIVE");
            JsonNode store = get(instance, "/api/stores/" + Fixtures.MERCHANT + "/" + Fixtures.STORE + "/alerts?size=2");
            assertThat(store.path("total").asInt()).isGreaterThanOrEqualTo(expectedLow);
            assertThat(store.path("items")).hasSize(2);
        }
        JsonNode active = get(one, "/api/alerts?active=true&size=1");
        assertThat(active.path("items")).as("the active alerts are paged like every list").hasSize(1);
        assertThat(active.path("total").asInt()).isGreaterThanOrEqualTo(1);

        String alertId = get(one, "/api/terminals/" + poiid(0) + "/alerts").path("items").get(0).path("alertId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("event: alert") && events.contains("event: store")
                && events.contains("event: fleet") && events.stream().anyMatch(line -> line.startsWith("data: ") && line.contains(alertId)));

        RecordCollector<String, DiagnosisCheckRequest> checks = instances.keep(RecordCollector.start(cluster, catalog.checkRequests().name(),
                new StringDeserializer(), catalog.checkRequests().valueSerde().deserializer()));
        HttpResponse<String> accepted = call(two, "POST", "/api/checks", "{\"poiid\":\"" + poiid(4) + "\",\"hostDiagnosis\":true}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String requestId = JSON.readTree(accepted.body()).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !checks.values(request -> request.getRequestId().equals(requestId)).isEmpty());
        assertThat(checks.values(request -> request.getRequestId().equals(requestId))).singleElement().satisfies(request -> {
            assertThat(request.getReason()).isEqualTo(CheckReason.MANUAL);
            assertThat(request.getHostDiagnosis()).isTrue();
            assertThat(request.getPoiid()).isEqualTo(poiid(4));
            assertThat(request.getMerchantAccount()).isEqualTo(Fixtures.MERCHANT);
        });
        assertThat(call(one, "POST", "/api/checks", "{\"poiid\":\"V400m-000000404\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = call(one, "POST", "/api/checks", "{\"poiid\":42}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("poiid");
        assertThat(call(one, "GET", "/api/terminals?size=501", null).statusCode()).isEqualTo(400);
    }
}
