package io.fleetdiag.benchmarks.poller;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.benchmarks.support.Stats;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.poller.snapshot.SnapshotChunker;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.ConnectedTerminals;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.topics.SchemaRegistration;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 3: the poller's time from a /connectedTerminals answer listing every terminal of one
 * merchant account to its snapshot chunks, the due checks and the watermark acknowledged in one
 * transaction (the poller's own {@code fleetdiag.poller.publish.latency} timer). The baseline sends
 * the same chunks with a plain idempotent producer, no transaction and no checks.
 */
public final class PollerPublish implements Scenario {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "poller";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        String prefix = BenchContext.prefix(name());
        int httpPort = FreePorts.next();
        try (TerminalSimulator simulator = TerminalSimulator.start(SimulatorConfig.defaults(BenchContext.API_KEY)
                .withTerminals(size.pollerTerminals).withMerchants(1).withReferenceTerminals(false)
                .withRates(LifeRates.staticFleet()).withLatency(new LatencyModel(0, 0)))) {
            String merchant = simulator.fleet().merchantAccounts().iterator().next();
            ServiceConfig config = context.serviceConfig(PollerService.defaults(), prefix, Map.of(
                    "poller.scopes", merchant,
                    "poller.poll-interval", POLL_INTERVAL.toSeconds() + "s",
                    "poller.transactional-id", prefix + "poller",
                    "http.port", Integer.toString(httpPort)));
            TerminalApiClient adyen = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API,
                    ApiKey.of(BenchContext.API_KEY), true));
            String metrics = "http://127.0.0.1:" + httpPort + "/metrics";

            Map<String, Double> samples;
            try (PollerService poller = PollerService.start(config, adyen, Map.of(), new CompletableFuture<>())) {
                Waits.until(size.pollerPolls + " published polls", Duration.ofMinutes(5), Duration.ofMillis(200),
                        () -> Http.sum(Http.prometheus(metrics), "fleetdiag_poller_publish_latency_seconds_count", null) >= size.pollerPolls);
                samples = Http.prometheus(metrics);
            }
            double polls = Http.sum(samples, "fleetdiag_poller_publish_latency_seconds_count", null);
            double publishMean = Http.sum(samples, "fleetdiag_poller_publish_latency_seconds_sum", null) / polls;
            double publishMax = Http.sum(samples, "fleetdiag_poller_publish_latency_seconds_max", null);
            double callMean = Http.sum(samples, "fleetdiag_poller_poll_latency_seconds_sum", null)
                    / Http.sum(samples, "fleetdiag_poller_poll_latency_seconds_count", null);
            double live = Http.sum(samples, "fleetdiag_poller_terminals_live", null);

            ConnectedTerminals answer = adyen.connectedTerminals(merchant, null, null).join();
            List<ConnectivitySnapshot> chunks = new SnapshotChunker(config.intValue("poller.chunk-size"))
                    .chunks(merchant, merchant, null, answer.uniqueTerminalIds(), Instant.now(), answer.latency());
            double baseline = Stats.mean(plainSends(config, prefix, chunks, size.pollerPolls));

            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("terminals", size.pollerTerminals);
            parameters.put("polls", (long) polls);
            parameters.put("chunkSize", config.intValue("poller.chunk-size"));
            parameters.put("checkInterval", config.get("poller.check-interval"));
            return new ScenarioResult(name(), "From a /connectedTerminals answer to its snapshot chunks and checks acknowledged in one transaction",
                    parameters, List.of(
                            Figure.against("publish time, mean", publishMean * 1000, "ms", "same chunks, plain producer", baseline * 1000,
                                    "max < poll interval (30 s default)", publishMax < 30),
                            Figure.info("publish time, max", publishMax * 1000, "ms"),
                            Figure.info("/connectedTerminals call, mean", callMean * 1000, "ms"),
                            Figure.info("terminals in the answer", live, "terminals"),
                            Figure.info("chunks per poll", chunks.size(), "records")),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Seconds to send {@code chunks} and have every one acknowledged, {@code times} times, without a transaction. */
    private static List<Double> plainSends(ServiceConfig config, String prefix, List<ConnectivitySnapshot> chunks, int times)
            throws Exception {
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-bench");
        TopicCatalog catalog = kafka.catalog(kafka.registry());
        Topic<String, ConnectivitySnapshot> scratch = new Topic<>(prefix + "baseline-snapshots", ConnectivitySnapshot.class,
                catalog.snapshots().keySerde(), catalog.snapshots().valueSerde(), Map.of());
        try (Admin admin = Admin.create(kafka.admin())) {
            TopicAdmin.ensureTopics(admin, List.of(scratch), 3, (short) 1);
        }
        SchemaRegistration.registerValueSchemas(kafka.registry(), List.of(scratch));
        List<Double> seconds = new ArrayList<>();
        try (KafkaProducer<String, ConnectivitySnapshot> producer = new KafkaProducer<>(kafka.producer(), new StringSerializer(),
                scratch.valueSerde().serializer())) {
            for (int i = 0; i <= times; i++) {
                long from = System.nanoTime();
                for (ConnectivitySnapshot chunk : chunks) {
                    producer.send(new ProducerRecord<>(scratch.name(), chunk.getScope(), chunk));
                }
                producer.flush();
                // the first round warms the producer up (metadata, connection), as the poller's own first poll did
                if (i > 0) {
                    seconds.add((System.nanoTime() - from) / 1e9);
                }
            }
        }
        return seconds;
    }
}
