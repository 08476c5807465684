package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.Permission;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processor instances on the real broker and two callers: operations, who see the whole fleet, and a
 * manager of the merchant account AcmeRetail_EU. The manager sees only that account on every list, page,
 * count, lookup and event stream, whichever instance they ask (each asks the other as the manager), and
 * cannot act beyond it.
 */
@ExtendWith(TestClusterExtension.class)
class ScopedCallersIT {

    private static final String EU = "AcmeRetail_EU";
    private static final String US = "AcmeRetail_US";
    private static final int EU_TERMINALS = 20;
    private static final int US_TERMINALS = 10;
    private static final String OPS_TOKEN = "ops-token";
    private static final String EU_TOKEN = "eu-manager-token";
    private static final Caller OPERATIONS = new Caller("ops@example.com", EnumSet.allOf(Permission.class), Scope.ALL);
    private static final Caller EU_MANAGER = new Caller("manager@acme-eu.example", Set.of(Permission.READ, Permission.OPERATE, Permission.RUN_CHECKS),
            Scope.of(Set.of(EU), Set.of()));
    private static final ObjectMapper JSON = ApiInstances.JSON;

    @TempDir
    Path work;
    private TestCluster cluster;
    private ApiInstances instances;
    private TopicCatalog catalog;

    @BeforeEach
    void instances(TestCluster testCluster) {
        cluster = testCluster;
        instances = new ApiInstances(testCluster, "scoped", work);
        catalog = instances.catalog();
    }

    @AfterEach
    void close() throws Exception {
        instances.close();
    }

    private ProcessorService instance(String name) throws Exception {
        return instances.start(name, OPS_TOKEN, TestCallers.tokens(Map.of(OPS_TOKEN, OPERATIONS, EU_TOKEN, EU_MANAGER)));
    }

    private static String poiid(String merchantAccount, int t) {
        return String.format("V400m-%09d", (merchantAccount.equals(EU) ? 600_000_000 : 700_000_000) + t);
    }

    private static DiagnosisResult lowBattery(String merchantAccount, int t, Instant at, boolean low) {
        DiagnosisResult result = Fixtures.success(poiid(merchantAccount, t), at, parts -> parts.battery = low ? 10 : 80);
        String store = merchantAccount.equals(EU) ? Fixtures.STORE : "US-0001";
        result.setMerchantAccount(merchantAccount);
        result.setStore(store);
        result.getAdditionalResponse().setMerchantAccount(merchantAccount);
        result.getAdditionalResponse().setStoreId(store);
        return result;
    }

    private void send(KafkaProducer<String, DiagnosisResult> producer, DiagnosisResult result) throws Exception {
        producer.send(new ProducerRecord<>(catalog.results().name(), result.getPoiid(), result)).get(30, TimeUnit.SECONDS);
    }

    private ConcurrentLinkedQueue<String> events(ProcessorService instance, String token) throws Exception {
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        HttpResponse<Stream<String>> stream = instances.http().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.httpPort() + "/events")).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    @Test
    void aScopedCallerSeesAndActsOnlyWithinItsMerchantAccountOnEveryInstance() throws Exception {
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
        }
        ProcessorService one = instance("one");
        ProcessorService two = instance("two");
        List<ProcessorService> both = List.of(one, two);
        await().atMost(Duration.ofSeconds(90)).until(() -> one.streams().state() == KafkaStreams.State.RUNNING
                && two.streams().state() == KafkaStreams.State.RUNNING);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int euLow = 0;
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.results().valueSerde().serializer())) {
            for (int t = 0; t < EU_TERMINALS; t++) {
                euLow += t % 3 == 0 ? 1 : 0;
                send(producer, lowBattery(EU, t, now, t % 3 == 0));
            }
            for (int t = 0; t < US_TERMINALS; t++) {
                send(producer, lowBattery(US, t, now, true));
            }
        }
        int expectedEuLow = euLow;
        await().atMost(Duration.ofSeconds(120)).until(() -> instances.total(two, OPS_TOKEN, "/api/terminals?size=1") == EU_TERMINALS + US_TERMINALS
                && instances.total(one, OPS_TOKEN, "/api/alerts?active=true&type=BATTERY_LOW") == expectedEuLow + US_TERMINALS
                && instances.get(one, OPS_TOKEN, "/api/fleet").path("terminals").asInt() == EU_TERMINALS + US_TERMINALS
                && instances.total(one, OPS_TOKEN, "/api/stores") == 2);

        for (ProcessorService instance : both) {
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                JsonNode answer = instances.get(instance, EU_TOKEN, "/api/terminals?page=" + page + "&size=7");
                assertThat(answer.path("total").asInt()).as("the total counts only the caller's terminals").isEqualTo(EU_TERMINALS);
                answer.path("items").forEach(item -> paged.add(item.path("merchantAccount").asText() + " " + item.path("poiid").asText()));
            }
            assertThat(paged).as("pages cut after filtering, gathered from both instances as the manager").hasSize(EU_TERMINALS)
                    .allMatch(item -> item.startsWith(EU + " ")).doesNotHaveDuplicates();

            String foreign = poiid(US, 3);
            HttpResponse<String> hidden = instances.call(instance, EU_TOKEN, "GET", "/api/terminals/" + foreign, null);
            HttpResponse<String> unknown = instances.call(instance, EU_TOKEN, "GET", "/api/terminals/V400m-000000404", null);
            assertThat(hidden.statusCode()).as("a terminal out of scope, owned by either instance").isEqualTo(404);
            assertThat(hidden.body().replace(foreign, "V400m-000000404")).as("indistinguishable from unknown").isEqualTo(unknown.body());
            assertThat(instances.get(instance, EU_TOKEN, "/api/terminals/" + poiid(EU, 3)).path("merchantAccount").asText()).isEqualTo(EU);
            assertThat(instances.call(instance, EU_TOKEN, "GET", "/api/terminals/" + foreign + "/alerts", null).body()).doesNotContain(US);
            assertThat(instances.get(instance, OPS_TOKEN, "/api/terminals/" + foreign).path("merchantAccount").asText()).isEqualTo(US);

            JsonNode stores = instances.get(instance, EU_TOKEN, "/api/stores");
            assertThat(stores.path("total").asInt()).isEqualTo(1);
            assertThat(stores.path("items").get(0).path("merchantAccount").asText()).isEqualTo(EU);
            assertThat(instances.call(instance, EU_TOKEN, "GET", "/api/stores/" + US + "/US-0001", null).statusCode()).isEqualTo(404);
            assertThat(instances.get(instance, EU_TOKEN, "/api/stores/" + US + "/US-0001/alerts").path("total").asInt()).isZero();

            JsonNode active = instances.get(instance, EU_TOKEN, "/api/alerts?active=true&size=500");
            assertThat(active.path("items")).allSatisfy(alert -> assertThat(alert.path("merchantAccount").asText()).isEqualTo(EU));
            assertThat(instances.get(instance, EU_TOKEN, "/api/alerts?active=true&type=BATTERY_LOW").path("total").asInt()).isEqualTo(expectedEuLow);
            JsonNode history = instances.get(instance, EU_TOKEN, "/api/alerts?active=false&size=500");
            assertThat(history.path("items")).isNotEmpty().allSatisfy(alert -> assertThat(alert.path("merchantAccount").asText()).isEqualTo(EU));
            assertThat(instances.get(instance, EU_TOKEN, "/api/alerts?active=false&merchantAccount=" + US).path("total").asInt()).isZero();

            JsonNode fleet = instances.get(instance, EU_TOKEN, "/api/fleet");
            assertThat(fleet.path("counted").asText()).isEqualTo("stores in scope");
            assertThat(fleet.path("terminals").asInt()).isEqualTo(EU_TERMINALS);
            assertThat(fleet.path("stores").asInt()).isEqualTo(1);
            assertThat(fleet.path("activeAlertsByType").path("BATTERY_LOW").asInt()).isEqualTo(expectedEuLow);
            assertThat(fleet.path("neverSeen").isNull()).as("a fleet-wide count is not shown to a scoped caller").isTrue();
            assertThat(instances.get(instance, OPS_TOKEN, "/api/fleet").path("activeAlertsByType").path("BATTERY_LOW").asInt())
                    .isEqualTo(expectedEuLow + US_TERMINALS);
        }

        Set<String> localParts = new HashSet<>();
        int localTotal = 0;
        for (ProcessorService instance : both) {
            JsonNode part = instances.get(instance, EU_TOKEN, "/api/terminals?local=true&limit=10000");
            localTotal += part.path("total").asInt();
            part.path("items").forEach(item -> localParts.add(item.path("merchantAccount").asText()));
        }
        assertThat(localTotal).as("each instance's own part, asked with local=true and any limit, is the caller's").isEqualTo(EU_TERMINALS);
        assertThat(localParts).containsExactly(EU);

        String usAlert = instances.get(one, OPS_TOKEN, "/api/terminals/" + poiid(US, 0) + "/alerts").path("items").path(0).path("alertId").asText();
        assertThat(usAlert).isNotEmpty();
        for (ProcessorService instance : both) {
            assertThat(instances.call(instance, EU_TOKEN, "GET", "/api/alerts/" + usAlert, null).statusCode()).isEqualTo(404);
            assertThat(instances.call(instance, EU_TOKEN, "POST", "/api/alerts/" + usAlert + "/ack", "{}").statusCode()).isEqualTo(404);
            assertThat(instances.call(instance, OPS_TOKEN, "GET", "/api/alerts/" + usAlert, null).statusCode()).isEqualTo(200);
        }
        String euAlert = instances.get(two, EU_TOKEN, "/api/terminals/" + poiid(EU, 0) + "/alerts").path("items").path(0).path("alertId").asText();
        HttpResponse<String> ack = instances.call(one, EU_TOKEN, "POST", "/api/alerts/" + euAlert + "/ack", "{\"by\": \"ops@example.com\", \"note\": \"on it\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).path("acknowledgedBy").asText()).as("the caller's subject, not the body's").isEqualTo(EU_MANAGER.subject());

        String until = "\"until\": \"" + Instant.now().plus(Duration.ofHours(2)) + "\"";
        assertThat(instances.call(two, EU_TOKEN, "POST", "/api/silences", "{\"type\": \"BATTERY_LOW\", " + until + "}").statusCode()).isEqualTo(403);
        assertThat(instances.call(two, EU_TOKEN, "POST", "/api/silences", "{\"merchantAccount\": \"" + US + "\", " + until + "}").statusCode()).isEqualTo(403);
        assertThat(instances.call(two, EU_TOKEN, "POST", "/api/silences", "{\"poiid\": \"" + poiid(US, 1) + "\", " + until + "}").statusCode()).isEqualTo(404);
        HttpResponse<String> silence = instances.call(two, EU_TOKEN, "POST", "/api/silences", "{\"poiid\": \"" + poiid(EU, 1) + "\", " + until + "}");
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(201);
        assertThat(JSON.readTree(silence.body()).path("by").asText()).isEqualTo(EU_MANAGER.subject());
        assertThat(instances.call(one, EU_TOKEN, "POST", "/api/checks", "{\"poiid\": \"" + poiid(US, 2) + "\"}").statusCode()).isEqualTo(404);
        assertThat(instances.call(one, EU_TOKEN, "POST", "/api/checks", "{\"poiid\": \"" + poiid(EU, 2) + "\"}").statusCode()).isEqualTo(202);

        ConcurrentLinkedQueue<String> managerEvents = events(one, EU_TOKEN);
        ConcurrentLinkedQueue<String> operationsEvents = events(one, OPS_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> managerEvents.contains("event: fleet") && operationsEvents.contains("event: fleet"));
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.results().valueSerde().serializer())) {
            send(producer, lowBattery(US, US_TERMINALS, Instant.now().truncatedTo(ChronoUnit.MILLIS), true));
            send(producer, lowBattery(EU, EU_TERMINALS, Instant.now().truncatedTo(ChronoUnit.MILLIS), true));
        }
        String newUs = poiid(US, US_TERMINALS);
        String newEu = poiid(EU, EU_TERMINALS);
        await().atMost(Duration.ofSeconds(60)).until(() -> operationsEvents.stream().anyMatch(line -> line.contains(newUs))
                && operationsEvents.stream().anyMatch(line -> line.contains(newEu))
                && managerEvents.stream().anyMatch(line -> line.startsWith("data: ") && line.contains(newEu))
                && managerEvents.stream().anyMatch(line -> line.contains("\"terminals\":" + (EU_TERMINALS + 1))));
        assertThat(managerEvents).as("no alert, store or fleet count of another account reaches the manager")
                .noneMatch(line -> line.contains(US) || line.contains("\"terminals\":" + (EU_TERMINALS + US_TERMINALS)));
        assertThat(managerEvents.stream().filter(line -> line.startsWith("data: {\"terminals\""))).allMatch(line -> line.contains("stores in scope"));
    }
}
