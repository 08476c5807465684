package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.harness.ServiceFiles;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The result processor on the real broker: a hard stop mid-stream, two instances answering queries, dead letters. */
@ExtendWith(TestClusterExtension.class)
class ResultProcessorIT {

    private static final int TERMINALS = 45;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Closer resources = new Closer();
    private TestCluster cluster;
    private String prefix;
    private TopicCatalog catalog;
    private Instant start;
    @TempDir
    Path work;

    @BeforeEach
    void names(TestCluster testCluster) {
        cluster = testCluster;
        prefix = cluster.uniqueName("processor") + ".";
        catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        return resources.keep(resource);
    }

    private Map<String, String> settings(String stateDir) {
        Map<String, String> values = new HashMap<>();
        ProcessorService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(Map.of(
                "processor.application-id", prefix + "processor",
                "processor.state-dir", stateDir,
                "processor.commit-interval", "100ms"));
        // a killed instance leaves the group after the session timeout: keep it at the broker's minimum
        values.put("kafka.session.timeout.ms", "6000");
        values.put("kafka.heartbeat.interval.ms", "1000");
        return values;
    }

    private ProcessorService inProcess(String name) throws Exception {
        return keep(ProcessorService.start(ServiceConfig.of(settings(work.resolve(name).toString())), Map.of(), new CompletableFuture<>()));
    }

    /** The processor as its own JVM, so it can be killed with SIGKILL. */
    private JavaProcess childProcess(String name) throws IOException {
        Path config = ServiceFiles.write(work.resolve(name + ".properties"), settings(work.resolve("child-state").toString()));
        return keep(JavaProcess.start("processor-" + name, ProcessorMain.class.getName(), List.of("-Xmx256m"), List.of(config.toString()),
                Map.of(), Paths.get("target", "processor-" + name + "-" + prefix + "log")));
    }

    private void produce(List<Scenario.Input> inputs) throws Exception {
        try (KafkaProducer<String, DiagnosisResult> results = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.results().valueSerde().serializer());
             KafkaProducer<String, ConnectivitySnapshot> snapshots = new KafkaProducer<>(cluster.producerConfig(),
                     new StringSerializer(), catalog.snapshots().valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Scenario.Input input : inputs) {
                if (input instanceof Scenario.Result result) {
                    sent.add(results.send(new ProducerRecord<>(catalog.results().name(), null,
                            result.result().getCompletedAt().toEpochMilli(), result.result().getPoiid(), result.result())));
                } else {
                    ConnectivitySnapshot chunk = ((Scenario.Snapshot) input).chunk();
                    sent.add(snapshots.send(new ProducerRecord<>(catalog.snapshots().name(), null, chunk.getPolledAt().toEpochMilli(),
                            chunk.getScope(), chunk)));
                }
            }
            // an input lost on the way would show up as a wrong expectation much later: fail here instead
            for (Future<RecordMetadata> send : sent) {
                send.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private void createTopics() {
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
        }
    }

    /** What the topology makes of the same inputs without any stop, on TopologyTestDriver. */
    private static ProcessorDriver expected(List<Scenario.Input> inputs) {
        ProcessorDriver driver = new ProcessorDriver();
        for (Scenario.Input input : inputs) {
            if (input instanceof Scenario.Result result) {
                driver.result(result.result());
            } else {
                driver.snapshot(List.of(((Scenario.Snapshot) input).chunk()));
            }
        }
        return driver;
    }

    private static Map<String, TerminalState> latest(RecordCollector<String, TerminalState> states) {
        Map<String, TerminalState> latest = new HashMap<>();
        states.records().forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    private static boolean finished(Map<String, TerminalState> states, List<Scenario.Input> inputs) {
        Map<String, String> lastResult = new HashMap<>();
        inputs.forEach(input -> {
            if (input instanceof Scenario.Result result) {
                lastResult.put(result.result().getPoiid(), result.result().getRequestId());
            }
        });
        return lastResult.entrySet().stream().allMatch(entry -> states.containsKey(entry.getKey())
                && states.get(entry.getKey()).getLastCheck() != null
                && entry.getValue().equals(states.get(entry.getKey()).getLastCheck().getRequestId()));
    }

    @Test
    void aHardStopMidStreamRepeatsNoRaisedAlertMissesNoResolvedAndEndsInTheSameState() throws Exception {
        createTopics();
        List<Scenario.Input> before = Scenario.rounds(0, 10, TERMINALS, start);
        List<Scenario.Input> after = Scenario.rounds(10, 20, TERMINALS, start);
        RecordCollector<String, TerminalState> states = keep(RecordCollector.start(cluster, catalog.terminalState().name(),
                new StringDeserializer(), catalog.terminalState().valueSerde().deserializer()));
        RecordCollector<String, TerminalAlert> alerts = keep(RecordCollector.start(cluster, catalog.alerts().name(),
                new StringDeserializer(), catalog.alerts().valueSerde().deserializer()));

        JavaProcess first = childProcess("first");
        produce(before);
        await().atMost(Duration.ofSeconds(120)).until(() -> states.records().size() > TERMINALS * 3);
        first.kill();
        assertThat(first.alive()).isFalse();
        int atKill = states.records().size();

        childProcess("second");
        produce(after);
        List<Scenario.Input> all = new ArrayList<>(before);
        all.addAll(after);
        await().atMost(Duration.ofSeconds(180)).until(() -> finished(latest(states), all));

        assertThat(atKill).isLessThan(all.size());
        try (ProcessorDriver expected = expected(all)) {
            Set<String> expectedEdges = edges(expected.alerts());
            // the alert collector reads on its own thread and may trail the state collector by a poll
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(edges(alerts.values())).isEqualTo(expectedEdges).isNotEmpty());
            Map<String, List<TerminalAlert>> byId = alerts.values().stream().collect(Collectors.groupingBy(TerminalAlert::getAlertId));
            byId.forEach((id, edges) -> {
                assertThat(edges.stream().filter(edge -> edge.getStatus() == AlertStatus.RAISED)).as("RAISED of %s", id).hasSize(1);
                assertThat(edges.stream().filter(edge -> edge.getStatus() == AlertStatus.RESOLVED)).as("RESOLVED of %s", id).hasSizeLessThanOrEqualTo(1);
            });
            Map<String, TerminalState> actual = latest(states);
            for (int t = 0; t < TERMINALS; t++) {
                String poiid = Scenario.poiid(t);
                assertThat(summary(actual.get(poiid))).as(poiid).isEqualTo(summary(expected.state(poiid)));
            }
        }
    }

    /** Terminal alert edges as "alertId status"; store alerts depend on the interleaving of terminals and are left out. */
    private static Set<String> edges(List<TerminalAlert> alerts) {
        return alerts.stream().filter(alert -> alert.getPoiid() != null)
                .map(alert -> alert.getAlertId() + " " + alert.getStatus()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String summary(TerminalState state) {
        return state.getPresence() + " failures=" + state.getConsecutiveFailures() + " last=" + state.getLastCheck().getRequestId()
                + " success=" + (state.getLastSuccess() == null ? null : state.getLastSuccess().getRequestId())
                + " alerts=" + state.getActiveAlerts().stream().map(ActiveAlert::getAlertId).sorted().toList();
    }

    @Test
    void twoInstancesOnOneApplicationIdAnswerEveryQuery() throws Exception {
        createTopics();
        ProcessorService one = inProcess("one");
        ProcessorService two = inProcess("two");
        RecordCollector<String, TerminalState> states = keep(RecordCollector.start(cluster, catalog.terminalState().name(),
                new StringDeserializer(), catalog.terminalState().valueSerde().deserializer()));
        List<Scenario.Input> inputs = Scenario.rounds(0, 6, TERMINALS, start);
        await().atMost(Duration.ofSeconds(60)).until(() -> one.streams().state() == KafkaStreams.State.RUNNING
                && two.streams().state() == KafkaStreams.State.RUNNING);
        produce(inputs);
        await().atMost(Duration.ofSeconds(120)).until(() -> finished(latest(states), inputs));

        assertThat(one.streams().metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum()).isPositive();
        assertThat(two.streams().metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum()).isPositive();
        try (ProcessorDriver expected = expected(inputs)) {
            for (int t = 0; t < TERMINALS; t++) {
                String poiid = Scenario.poiid(t);
                String lastCheck = expected.state(poiid).getLastCheck().getRequestId();
                for (ProcessorService instance : List.of(one, two)) {
                    JsonNode answer = get(instance, "/api/terminals/" + poiid);
                    assertThat(answer.path("poiid").asText()).isEqualTo(poiid);
                    assertThat(answer.path("lastCheck").path("requestId").asText()).isEqualTo(lastCheck);
                }
            }
            Set<String> expectedActive = expected.alerts().stream().filter(alert -> alert.getPoiid() != null)
                    .collect(Collectors.groupingBy(TerminalAlert::getAlertId)).entrySet().stream()
                    .filter(entry -> entry.getValue().size() == 1).map(Map.Entry::getKey).collect(Collectors.toSet());
            for (ProcessorService instance : List.of(one, two)) {
                Set<String> active = new HashSet<>();
                get(instance, "/api/alerts?active=true&size=500").path("items").forEach(alert -> {
                    if (!alert.path("poiid").isNull()) {
                        active.add(alert.path("alertId").asText());
                    }
                });
                assertThat(active).isEqualTo(expectedActive);
                assertThat(get(instance, "/api/fleet").path("terminals").asInt()).isEqualTo(TERMINALS);
                // store health is aggregated downstream of terminal state, through a repartition: it may trail by a commit
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (int s = 1; s <= Scenario.STORES; s++) {
                        JsonNode store = get(instance, "/api/stores/" + Fixtures.MERCHANT + "/EU-000" + s);
                        assertThat(store.path("terminalsKnown").asInt()).isEqualTo(TERMINALS / Scenario.STORES);
                    }
                });
            }
            assertThat(getStatus(one, "/api/terminals/V400m-404")).isEqualTo(404);
        }
    }

    @Test
    void undecodableInputGoesToTheDeadLetterTopicAndProcessingContinues() throws Exception {
        createTopics();
        inProcess("dlq");
        RecordCollector<String, DeadLetter> deadLetters = keep(RecordCollector.start(cluster, catalog.deadLetters().name(),
                new StringDeserializer(), catalog.deadLetters().valueSerde().deserializer()));
        RecordCollector<String, TerminalState> states = keep(RecordCollector.start(cluster, catalog.terminalState().name(),
                new StringDeserializer(), catalog.terminalState().valueSerde().deserializer()));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(catalog.results().name(), "V400m-1", "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        DiagnosisResult valid = Fixtures.success("V400m-1", start, p -> p.battery = 50);
        produce(List.of(new Scenario.Result(valid)));

        await().atMost(Duration.ofSeconds(90)).until(() -> !deadLetters.values().isEmpty()
                && states.values().stream().anyMatch(state -> state.getLastCheck() != null
                && valid.getRequestId().equals(state.getLastCheck().getRequestId())));
        ConsumerRecord<String, DeadLetter> letter = deadLetters.records().get(0);
        assertThat(letter.value().getApplication()).isEqualTo("result-processor");
        assertThat(letter.value().getSourceTopic()).isEqualTo(catalog.results().name());
        assertThat(letter.value().getReason()).contains("magic byte");
        assertThat(StandardCharsets.UTF_8.decode(letter.value().getValue()).toString()).isEqualTo("not avro");
    }

    private static JsonNode get(ProcessorService instance, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.httpPort() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int getStatus(ProcessorService instance, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + path))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
