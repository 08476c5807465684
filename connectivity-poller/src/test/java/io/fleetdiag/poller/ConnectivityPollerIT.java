package io.fleetdiag.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.Faults;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The poller against the real broker and the simulator over real HTTP. */
@ExtendWith(TestClusterExtension.class)
class ConnectivityPollerIT {

    private static final String KEY = "AQEpoller-it";

    private final Closer resources = new Closer();
    private TestCluster cluster;
    private String prefix;
    private TopicCatalog catalog;

    @BeforeEach
    void names(TestCluster testCluster) {
        cluster = testCluster;
        prefix = cluster.uniqueName("poller") + ".";
        catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());
    }

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        return resources.keep(resource);
    }

    private TerminalSimulator simulator(int terminals, int merchants) throws Exception {
        return keep(TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(terminals).withMerchants(merchants)
                .withReferenceTerminals(false)));
    }

    private ServiceConfig config(String scopes, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>();
        PollerService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(Map.of(
                "poller.scopes", scopes,
                "poller.poll-interval", "500ms",
                "poller.lease-timeout", "6s",
                "poller.transactional-id", prefix + "poller"));
        values.putAll(settings);
        return ServiceConfig.of(values);
    }

    private PollerService poller(ServiceConfig config, TerminalSimulator simulator, String key, CompletableFuture<RuntimeException> fatal)
            throws Exception {
        TerminalApiClient client = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API,
                ApiKey.of(key), true));
        return keep(PollerService.start(config, client, Map.of(), fatal));
    }

    private RecordCollector<String, ConnectivitySnapshot> snapshots() {
        return keep(RecordCollector.start(cluster, catalog.snapshots().name(), new StringDeserializer(),
                catalog.snapshots().valueSerde().deserializer()));
    }

    private RecordCollector<String, DiagnosisCheckRequest> checks() {
        return keep(RecordCollector.start(cluster, catalog.checkRequests().name(), new StringDeserializer(),
                catalog.checkRequests().valueSerde().deserializer()));
    }

    /** Complete snapshots (every chunk arrived), oldest first, as POIID sets. */
    private static List<Set<String>> completeSnapshots(RecordCollector<String, ConnectivitySnapshot> collector) {
        Map<String, List<ConnectivitySnapshot>> byId = new HashMap<>();
        collector.values().forEach(chunk -> byId.computeIfAbsent(chunk.getSnapshotId(), id -> new ArrayList<>()).add(chunk));
        TreeMap<Instant, Set<String>> complete = new TreeMap<>();
        byId.values().forEach(chunks -> {
            if (chunks.size() == chunks.get(0).getChunkCount()) {
                complete.put(chunks.get(0).getPolledAt(),
                        chunks.stream().flatMap(chunk -> chunk.getUniqueTerminalIds().stream()).collect(Collectors.toSet()));
            }
        });
        return new ArrayList<>(complete.values());
    }

    private static Set<String> live(TerminalSimulator simulator, String merchant) {
        long now = System.currentTimeMillis();
        return simulator.fleet().ofMerchant(merchant).stream().filter(t -> t.online(now)).map(Terminal::poiid).collect(Collectors.toSet());
    }

    @Test
    void snapshotsFollowTheSimulatorsLiveSetAsItChanges() throws Exception {
        TerminalSimulator simulator = simulator(300, 2);
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();
        poller(config(merchant, Map.of()), simulator, KEY, new CompletableFuture<>());
        RecordCollector<String, ConnectivitySnapshot> snapshots = snapshots();

        await().atMost(Duration.ofSeconds(60)).until(() -> completeSnapshots(snapshots).contains(live(simulator, merchant)));
        List<Terminal> goingOffline = simulator.fleet().ofMerchant(merchant).subList(0, 3);
        goingOffline.forEach(terminal -> simulator.set(terminal.poiid(), ConditionChange.of(Map.of("online", false))));
        Set<String> fewer = live(simulator, merchant);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Set<String>> complete = completeSnapshots(snapshots);
            assertThat(complete.get(complete.size() - 1)).isEqualTo(fewer);
        });
        assertThat(fewer).hasSize(simulator.fleet().ofMerchant(merchant).size() - 3);
        assertThat(snapshots.records()).allSatisfy(record -> assertThat(record.key()).isEqualTo(merchant));
    }

    @Test
    void aHundredThousandTerminalScopeIsPublishedInChunksThatReassembleExactly() throws Exception {
        TerminalSimulator simulator = simulator(100_000, 1);
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();
        poller(config(merchant, Map.of("poller.poll-interval", "30s", "poller.chunk-size", "10000")), simulator, KEY,
                new CompletableFuture<>());
        RecordCollector<String, ConnectivitySnapshot> snapshots = snapshots();

        await().atMost(Duration.ofSeconds(90)).until(() -> !completeSnapshots(snapshots).isEmpty());

        assertThat(completeSnapshots(snapshots).get(0)).isEqualTo(live(simulator, merchant)).hasSize(100_000);
        assertThat(snapshots.records()).hasSize(10).allSatisfy(record -> assertThat(record.serializedValueSize()).isLessThan(1_000_000));
    }

    @Test
    void aFailingEndpointPublishesNothingUntilItRecovers() throws Exception {
        TerminalSimulator simulator = simulator(200, 1);
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();
        simulator.cloud().faults(Faults.on("connectedTerminals").serverError(1.0).build());
        poller(config(merchant, Map.of()), simulator, KEY, new CompletableFuture<>());
        RecordCollector<String, ConnectivitySnapshot> snapshots = snapshots();
        RecordCollector<String, DiagnosisCheckRequest> checks = checks();

        await().atMost(Duration.ofSeconds(60)).until(() -> simulator.stats().count("connectedTerminals", "http500") >= 3);
        assertThat(snapshots.records()).isEmpty();
        assertThat(checks.records()).isEmpty();

        simulator.cloud().faults(Faults.NONE);
        await().atMost(Duration.ofSeconds(60)).until(() -> completeSnapshots(snapshots).contains(live(simulator, merchant)));
    }

    @Test
    void aRefusedApiKeyStopsThePollerWithAClearMessageAndPublishesNothing() throws Exception {
        TerminalSimulator simulator = simulator(50, 1);
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();
        CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();
        poller(config(merchant, Map.of()), simulator, "AQEwrong-key", fatal);
        RecordCollector<String, ConnectivitySnapshot> snapshots = snapshots();

        RuntimeException stop = fatal.get(60, TimeUnit.SECONDS);

        assertThat(stop).isInstanceOf(ConfigurationException.class);
        assertThat(stop.getMessage()).contains("API key").contains("WebSockets").contains("HTTP 401").doesNotContain("AQEwrong-key");
        assertThat(snapshots.records()).isEmpty();
    }

    @Test
    void everyLiveTerminalIsCheckedOncePerIntervalSpreadOverIt() throws Exception {
        TerminalSimulator simulator = simulator(1_000, 1);
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();
        Duration interval = Duration.ofSeconds(6);
        poller(config(merchant, Map.of("poller.check-interval", "6s")), simulator, KEY, new CompletableFuture<>());
        RecordCollector<String, DiagnosisCheckRequest> checks = checks();
        Set<String> live = live(simulator, merchant);

        await().atMost(Duration.ofSeconds(90)).until(() -> checks.records().size() >= 3 * live.size());

        Map<String, List<Instant>> dueTimes = checks.values().stream().collect(Collectors.groupingBy(
                DiagnosisCheckRequest::getPoiid, Collectors.mapping(DiagnosisCheckRequest::getRequestedAt, Collectors.toList())));
        assertThat(dueTimes.keySet()).isEqualTo(live);
        dueTimes.values().forEach(times -> {
            List<Instant> sorted = times.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isEqualTo(interval);
            }
        });
        Map<Long, Long> perSecond = checks.values().stream().collect(Collectors.groupingBy(
                check -> check.getRequestedAt().getEpochSecond(), Collectors.counting()));
        double mean = live.size() / (double) interval.toSeconds();
        List<Long> fullSeconds = new ArrayList<>(new TreeMap<>(perSecond).values());
        assertThat(fullSeconds.subList(1, fullSeconds.size() - 1)).allSatisfy(count -> assertThat(count).isLessThan((long) (mean * 1.6)));
    }

    @Test
    void aSecondInstanceAddsNoDuplicatesAndTakesOverWhenTheFirstStops() throws Exception {
        TerminalSimulator simulator = simulator(400, 1);
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();
        ServiceConfig config = config(merchant, Map.of("poller.check-interval", "4s"));
        PollerService first = poller(config, simulator, KEY, new CompletableFuture<>());
        await().atMost(Duration.ofSeconds(60)).until(() -> first.poller().leading());
        PollerService second = poller(config, simulator, KEY, new CompletableFuture<>());
        RecordCollector<String, DiagnosisCheckRequest> checks = checks();
        RecordCollector<String, ConnectivitySnapshot> snapshots = snapshots();
        Set<String> live = live(simulator, merchant);

        await().atMost(Duration.ofSeconds(60)).until(() -> checks.records().size() >= 2 * live.size());
        assertThat(first.poller().leading()).isTrue();
        assertThat(second.poller().leading()).isFalse();

        first.close();
        resources.forget(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.poller().leading());
        int atHandover = checks.records().size();
        await().atMost(Duration.ofSeconds(60)).until(() -> checks.records().size() >= atHandover + 2 * live.size());

        List<String> ids = checks.values().stream().map(DiagnosisCheckRequest::getRequestId).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        Map<String, List<Instant>> dueTimes = checks.values().stream().collect(Collectors.groupingBy(
                DiagnosisCheckRequest::getPoiid, Collectors.mapping(DiagnosisCheckRequest::getRequestedAt, Collectors.toList())));
        dueTimes.values().forEach(times -> {
            List<Instant> sorted = times.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isEqualTo(Duration.ofSeconds(4));
            }
        });
        assertThat(pollsPerSecond(snapshots.records())).isLessThanOrEqualTo(2.5);
    }

    /** Snapshots per second over the collected span: one poller polling every 500 ms makes about 2. */
    private static double pollsPerSecond(Collection<ConsumerRecord<String, ConnectivitySnapshot>> records) {
        List<Instant> polls = records.stream().map(record -> record.value().getPolledAt()).sorted().toList();
        Optional<Duration> span = polls.size() < 2 ? Optional.empty() : Optional.of(Duration.between(polls.get(0), polls.get(polls.size() - 1)));
        return span.map(d -> (polls.size() - 1) / (d.toMillis() / 1000.0)).orElse(0.0);
    }
}
