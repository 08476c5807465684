package io.fleetdiag.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.dispatcher.offsets.CallsEndBy;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.api.Faults;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.harness.ServiceFiles;
import io.fleetdiag.topics.TopicAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dispatcher against the real broker and the simulator over real HTTP. */
@ExtendWith(TestClusterExtension.class)
class DiagnosisDispatcherIT {

    private static final String KEY = "AQEdispatcher-it";

    private Testbed bed;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        bed = Testbed.start(cluster, "dispatch", SimulatorConfig.defaults(KEY).withTerminals(1_500).withReferenceTerminals(false)
                .withLatency(new LatencyModel(50, 0.2)));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private ServiceConfig config(Map<String, String> settings) {
        return bed.config(DispatcherService.defaults(), Map.of(
                "dispatcher.group-id", bed.prefix() + "dispatcher",
                "dispatcher.max-in-flight", "64",
                "dispatcher.retry-base", "200ms",
                "dispatcher.retry-max", "1s",
                "dispatcher.commit-interval", "200ms",
                "dispatcher.shutdown-grace", "5s"), settings);
    }

    private DispatcherService dispatcher(Map<String, String> settings, String key, CompletableFuture<RuntimeException> fatal) throws Exception {
        ServiceConfig config = config(settings);
        TerminalApiClient client = TerminalApiClient.create(bed.terminalApi(key)
                .withRequestTimeout(config.duration("adyen.request-timeout")));
        return bed.keep(DispatcherService.start(config, client, Map.of(), fatal));
    }

    private DispatcherService dispatcher() throws Exception {
        return dispatcher(Map.of(), KEY, new CompletableFuture<>());
    }

    private RecordCollector<String, DiagnosisResult> results() {
        return bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().results().name(), new StringDeserializer(),
                bed.catalog().results().valueSerde().deserializer()));
    }

    private DiagnosisCheckRequest request(Terminal terminal, CheckReason reason, boolean host) {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setPoiid(terminal.poiid())
                .setMerchantAccount(terminal.merchantAccount())
                .setReason(reason)
                .setHostDiagnosis(host)
                .setRequestedAt(Instant.now())
                .build();
    }

    private void produce(List<DiagnosisCheckRequest> requests) {
        try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(bed.cluster().producerConfig(),
                new StringSerializer(), bed.catalog().checkRequests().valueSerde().serializer())) {
            requests.forEach(request -> producer.send(new ProducerRecord<>(bed.catalog().checkRequests().name(), request.getPoiid(),
                    request)));
        }
    }

    private Terminal terminal(int index) {
        return bed.simulator().fleet().terminals().get(index);
    }

    /** Every requestId a result answers, its own and the ones merged into it. */
    private static Set<String> answered(RecordCollector<String, DiagnosisResult> results) {
        Set<String> ids = new HashSet<>();
        results.values().forEach(result -> {
            ids.add(result.getRequestId());
            ids.addAll(result.getCoalescedRequestIds());
        });
        return ids;
    }

    private static Optional<DiagnosisResult> resultFor(RecordCollector<String, DiagnosisResult> results, String poiid) {
        return results.values(result -> result.getPoiid().equals(poiid)).stream().findFirst();
    }

    @Test
    void theSuccessorOfAKilledDispatcherLetsItsCallsEndBeforeCallingTheirTerminalsAgain() throws Exception {
        // calls outlast the group's session timeout, so the successor is assigned while the terminals still work on them
        bed.simulator().cloud().latency(LatencyModel.fixed(Duration.ofSeconds(12)));
        Map<String, String> settings = new HashMap<>(config(Map.of("adyen.request-timeout", "20s",
                "kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1000")).asMap());
        settings.put("adyen.endpoint", bed.simulator().baseUrl().toString());
        settings.put("adyen.allow-plain-http", "true");
        settings.put("http.port", "0");
        Path file = ServiceFiles.write(Paths.get("target", bed.prefix() + "dispatcher.properties"), settings);
        try (Admin admin = bed.cluster().admin()) {
            TopicAdmin.ensureTopics(admin, bed.catalog().all(), 3, (short) 1);
        }
        JavaProcess first = bed.keep(JavaProcess.start("dispatcher", DispatcherMain.class.getName(), List.of("-Xmx256m"),
                List.of(file.toString()), Map.of("ADYEN_API_KEY", KEY), Paths.get("target", bed.prefix() + "dispatcher.log")));
        RecordCollector<String, DiagnosisResult> results = results();
        List<DiagnosisCheckRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(request(terminal(i), CheckReason.MANUAL, false));
        }
        produce(requests);

        await().atMost(Duration.ofSeconds(60)).until(() -> bed.simulator().stats().inFlight() == requests.size()
                && promised(bed.prefix() + "dispatcher"));
        first.kill();
        dispatcher(Map.of("adyen.request-timeout", "20s"), KEY, new CompletableFuture<>());

        await().atMost(Duration.ofSeconds(90)).until(() -> answered(results).containsAll(requests.stream().map(DiagnosisCheckRequest::getRequestId).toList()));
        assertThat(bed.simulator().stats().violations()).isZero();
    }

    /** Whether the group has committed, on every partition it read, when its calls will have ended. */
    private boolean promised(String groupId) throws Exception {
        try (Admin admin = bed.cluster().admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            return committed.keySet().stream().anyMatch(partition -> partition.topic().equals(bed.catalog().checkRequests().name()))
                    && committed.values().stream().allMatch(offset -> offset != null && CallsEndBy.parse(offset.metadata()).isPresent());
        }
    }

    @Test
    void afterACallTimesOutItsTerminalGetsNoRequestForAWholeTimeout() throws Exception {
        bed.simulator().cloud().faults(Faults.on("sync").stall(1.0, 1_500).build());
        dispatcher(Map.of("adyen.request-timeout", "1s"), KEY, new CompletableFuture<>());
        RecordCollector<String, DiagnosisResult> results = results();
        DiagnosisCheckRequest request = request(terminal(0), CheckReason.MANUAL, false);
        produce(List.of(request));
        await().atMost(Duration.ofSeconds(30)).until(() -> bed.simulator().stats().count("diagnosis", "stall") >= 1);
        bed.simulator().cloud().faults(Faults.NONE);

        await().atMost(Duration.ofSeconds(30)).until(() -> answered(results).contains(request.getRequestId()));
        DiagnosisResult result = resultFor(results, terminal(0).poiid()).orElseThrow();
        assertThat(result.getOutcome()).isEqualTo(DiagnosisOutcome.SUCCESS);
        assertThat(result.getAttempts()).isEqualTo(2);
        assertThat(bed.simulator().stats().violations()).isZero();
    }

    @Test
    void aBusyTerminalIsRetriedLaterWhileAThousandOthersInItsPartitionsFinish() throws Exception {
        Terminal busy = terminal(0);
        bed.simulator().set(busy.poiid(), ConditionChange.of(Map.of("busy", true)));
        List<DiagnosisCheckRequest> requests = new ArrayList<>();
        requests.add(request(busy, CheckReason.SCHEDULED, false));
        for (int i = 1; i <= 1_000; i++) {
            requests.add(request(terminal(i), CheckReason.SCHEDULED, false));
        }
        dispatcher();
        RecordCollector<String, DiagnosisResult> results = results();

        produce(requests);

        await().atMost(Duration.ofSeconds(90)).until(() -> results.values().size() >= 1_000);
        assertThat(results.values()).extracting(DiagnosisResult::getPoiid).doesNotContain(busy.poiid());
        assertThat(results.values()).extracting(DiagnosisResult::getOutcome).containsOnly(DiagnosisOutcome.SUCCESS);
        assertThat(bed.simulator().stats().count("diagnosis", "busy")).isPositive();

        bed.simulator().set(busy.poiid(), ConditionChange.of(Map.of("busy", false)));
        await().atMost(Duration.ofSeconds(60)).until(() -> resultFor(results, busy.poiid()).isPresent());

        DiagnosisResult late = resultFor(results, busy.poiid()).orElseThrow();
        assertThat(late.getOutcome()).isEqualTo(DiagnosisOutcome.SUCCESS);
        assertThat(late.getAttempts()).isGreaterThan(1);
        assertThat(answered(results)).containsAll(requests.stream().map(DiagnosisCheckRequest::getRequestId).toList());
        assertThat(bed.simulator().stats().violations()).isZero();
        assertThat(bed.simulator().stats().serviceIdsOutOfFormat()).isZero();
        assertThat(bed.simulator().stats().duplicateServiceIds()).isZero();
    }

    @Test
    void stoppedBetweenCallsAndCommitsAndStartedAgainEveryCheckGetsAResult() throws Exception {
        bed.simulator().cloud().latency(new LatencyModel(300, 0.1));
        List<DiagnosisCheckRequest> requests = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            requests.add(request(terminal(i), CheckReason.SCHEDULED, false));
        }
        DispatcherService first = dispatcher(Map.of("dispatcher.max-in-flight", "40"), KEY, new CompletableFuture<>());
        RecordCollector<String, DiagnosisResult> results = results();
        produce(requests);
        await().atMost(Duration.ofSeconds(60)).until(() -> results.values().size() >= 150);

        // no grace: calls in flight are abandoned and their checks stay uncommitted
        first.close(Duration.ZERO);
        bed.forget(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> bed.simulator().stats().inFlight() == 0);
        int beforeRestart = results.values().size();
        dispatcher();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(answered(results)).containsAll(requests.stream().map(DiagnosisCheckRequest::getRequestId).toList()));
        assertThat(beforeRestart).isLessThan(requests.size());
        assertThat(bed.simulator().stats().violations()).isZero();
    }

    @Test
    void aPendingRetrySurvivesARestart() throws Exception {
        Terminal busy = terminal(7);
        bed.simulator().set(busy.poiid(), ConditionChange.of(Map.of("busy", true)));
        DispatcherService first = dispatcher(Map.of("dispatcher.retry-base", "3s", "dispatcher.retry-max", "3s"), KEY,
                new CompletableFuture<>());
        RecordCollector<String, DiagnosisCheckRequest> retries = bed.keep(RecordCollector.start(bed.cluster(),
                bed.catalog().checkRetries().name(),
                new StringDeserializer(), bed.catalog().checkRetries().valueSerde().deserializer()));
        RecordCollector<String, DiagnosisResult> results = results();
        DiagnosisCheckRequest request = request(busy, CheckReason.MANUAL, false);
        produce(List.of(request));

        await().atMost(Duration.ofSeconds(60)).until(() -> !retries.values().isEmpty());
        first.close();
        bed.forget(first);
        bed.simulator().set(busy.poiid(), ConditionChange.of(Map.of("busy", false)));
        dispatcher();

        await().atMost(Duration.ofSeconds(60)).until(() -> resultFor(results, busy.poiid()).isPresent());
        DiagnosisResult result = resultFor(results, busy.poiid()).orElseThrow();
        assertThat(result.getRequestId()).isEqualTo(request.getRequestId());
        assertThat(result.getOutcome()).isEqualTo(DiagnosisOutcome.SUCCESS);
        assertThat(result.getAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(retries.values().get(0).getLastFailure()).isEqualTo("Busy: TX_IN_PROGRESS");
    }

    @Test
    void aWrongApiKeyStopsTheDispatcherAndLosesNoCheck() throws Exception {
        CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();
        DispatcherService wrong = dispatcher(Map.of(), "AQEwrong-key", fatal);
        RecordCollector<String, DiagnosisResult> results = results();
        DiagnosisCheckRequest request = request(terminal(3), CheckReason.SCHEDULED, false);
        produce(List.of(request));

        RuntimeException stop = fatal.get(60, TimeUnit.SECONDS);
        assertThat(stop).isInstanceOf(ConfigurationException.class);
        assertThat(stop.getMessage()).contains("API key").contains("HTTP 401").doesNotContain("AQEwrong-key");
        wrong.close();
        bed.forget(wrong);
        assertThat(results.values()).isEmpty();

        dispatcher();
        await().atMost(Duration.ofSeconds(60)).until(() -> answered(results).contains(request.getRequestId()));
    }

    @Test
    void aRecordThatDoesNotDecodeGoesToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        dispatcher();
        RecordCollector<String, DiagnosisResult> results = results();
        RecordCollector<String, DeadLetter> deadLetters = bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().deadLetters().name(),
                new StringDeserializer(), bed.catalog().deadLetters().valueSerde().deserializer()));
        Terminal terminal = terminal(11);
        byte[] garbage = "{\"poiid\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(bed.cluster().producerConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(bed.catalog().checkRequests().name(), terminal.poiid(), garbage));
        }
        DiagnosisCheckRequest after = request(terminal, CheckReason.SCHEDULED, false);
        produce(List.of(after));

        await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.values().isEmpty() && answered(results).contains(after.getRequestId()));
        DeadLetter letter = deadLetters.values().get(0);
        assertThat(letter.getApplication()).isEqualTo("diagnosis-dispatcher");
        assertThat(letter.getReason()).contains("Unknown magic byte 0x7b");
        assertThat(letter.getSourceTopic()).isEqualTo(bed.catalog().checkRequests().name());
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));
        assertThat(deadLetters.records().get(0).key()).isEqualTo(terminal.poiid());
    }

    @Test
    void eachOutcomeClassAppearsInTheResultsWithItsReason() throws Exception {
        dispatcher(Map.of("dispatcher.max-attempts", "2"), KEY, new CompletableFuture<>());
        RecordCollector<String, DiagnosisResult> results = results();

        DiagnosisResult success = outcome(results, terminal(20), () -> { });
        Terminal offline = terminal(21);
        DiagnosisResult unreachable = outcome(results, offline,
                () -> bed.simulator().set(offline.poiid(), ConditionChange.of(Map.of("online", false))));
        DiagnosisResult rejected = outcome(results, terminal(22),
                () -> bed.simulator().cloud().faults(Faults.on("sync").error(1.0, "MessageFormat").build()));
        DiagnosisResult malformed = outcome(results, terminal(23),
                () -> bed.simulator().cloud().faults(Faults.on("sync").garbage(1.0).build()));
        bed.simulator().cloud().faults(Faults.NONE);
        Terminal busy = terminal(24);
        DiagnosisResult gaveUp = outcome(results, busy, () -> bed.simulator().set(busy.poiid(), ConditionChange.of(Map.of("busy", true))));

        assertThat(success.getOutcome()).isEqualTo(DiagnosisOutcome.SUCCESS);
        assertThat(success.getAdditionalResponse().getTerminalId()).isEqualTo(terminal(20).poiid());
        assertThat(success.getServiceId()).matches("[A-Za-z0-9]{10}");
        assertThat(success.getSaleId()).isEqualTo("fleetdiag");
        assertThat(unreachable.getOutcome()).isEqualTo(DiagnosisOutcome.TERMINAL_UNREACHABLE);
        assertThat(unreachable.getMessage()).contains("Did not receive a response from the POI");
        assertThat(rejected.getOutcome()).isEqualTo(DiagnosisOutcome.REJECTED);
        assertThat(rejected.getErrorCondition()).isEqualTo("MessageFormat");
        assertThat(malformed.getOutcome()).isEqualTo(DiagnosisOutcome.MALFORMED);
        assertThat(malformed.getMessage()).contains("not JSON");
        assertThat(gaveUp.getOutcome()).isEqualTo(DiagnosisOutcome.GAVE_UP);
        assertThat(gaveUp.getMessage()).isEqualTo("gave up after 2 attempts; last: Busy: TX_IN_PROGRESS");
        assertThat(gaveUp.getAttempts()).isEqualTo(2);
    }

    private DiagnosisResult outcome(RecordCollector<String, DiagnosisResult> results, Terminal terminal, Runnable condition) {
        condition.run();
        DiagnosisCheckRequest request = request(terminal, CheckReason.MANUAL, false);
        produce(List.of(request));
        await().atMost(Duration.ofSeconds(60)).until(() -> answered(results).contains(request.getRequestId()));
        return results.values(result -> result.getRequestId().equals(request.getRequestId())).get(0);
    }

    @Test
    void requestsForABusyTerminalAreCoalescedAndAHostFollowUpIsNotLost() throws Exception {
        bed.simulator().cloud().latency(new LatencyModel(800, 0));
        dispatcher();
        RecordCollector<String, DiagnosisResult> results = results();
        Terminal terminal = terminal(30);
        DiagnosisCheckRequest scheduled = request(terminal, CheckReason.SCHEDULED, false);
        DiagnosisCheckRequest reconnected = request(terminal, CheckReason.RECONNECTED, false);
        DiagnosisCheckRequest followUp = request(terminal, CheckReason.HOST_FOLLOWUP, true);
        DiagnosisCheckRequest scheduledAgain = request(terminal, CheckReason.SCHEDULED, false);

        produce(List.of(scheduled, reconnected, followUp, scheduledAgain));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(answered(results)).contains(
                scheduled.getRequestId(), reconnected.getRequestId(), followUp.getRequestId(), scheduledAgain.getRequestId()));
        List<DiagnosisResult> forTerminal = results.values(result -> result.getPoiid().equals(terminal.poiid()));
        assertThat(forTerminal).hasSizeLessThanOrEqualTo(2);
        DiagnosisResult withHost = forTerminal.stream().filter(DiagnosisResult::getHostDiagnosis).findFirst().orElseThrow();
        assertThat(withHost.getRequestId()).isEqualTo(followUp.getRequestId());
        assertThat(withHost.getHostStatuses()).singleElement().satisfies(host -> assertThat(host.getReachable()).isTrue());
        assertThat(bed.simulator().stats().count("diagnosis", "success")).isEqualTo(forTerminal.size());
        assertThat(bed.simulator().stats().violations()).isZero();
    }
}
