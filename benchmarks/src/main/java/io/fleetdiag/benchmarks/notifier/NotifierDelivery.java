package io.fleetdiag.benchmarks.notifier;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.benchmarks.support.Stats;
import io.fleetdiag.notifier.NotifierService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 9: one notifier instance delivering terminal-alerts to a signed webhook on loopback (one POST
 * per notification, {@code group: false}), beside a plain consumer of the same records in the same run.
 * Latency: alerts sent one at a time, spaced, from the send to the receiver's request (the plain consumer:
 * to its poll). Throughput: a burst of RAISED and RESOLVED edges, from the first send to the last arrival.
 */
public final class NotifierDelivery implements Scenario {

    private static final Duration SPACING = Duration.ofMillis(25);
    private static final int STORES = 100;
    private static final Duration WAIT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "notifier";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        String prefix = BenchContext.prefix(name());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> environment = Map.of("BENCH_HOOK_SECRET", "whsec_" + Base64.getEncoder().encodeToString(key));
        try (WebhookSink sink = WebhookSink.start()) {
            Path routing = Files.createDirectories(context.workDir().resolve("notifier")).resolve(prefix + "routing.yaml");
            Files.writeString(routing, """
                    receivers:
                      - {name: hook, type: webhook, url: "%s", secretEnv: BENCH_HOOK_SECRET, group: false}
                    routes:
                      - {match: {}, receivers: [hook]}
                    """.formatted(sink.url()));
            ServiceConfig config = context.serviceConfig(NotifierService.defaults(), prefix, Map.of(
                    "notifier.routing-file", routing.toString(),
                    "notifier.group-id", prefix + "notifier",
                    "notifier.first-start", "earliest"));
            KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-bench");
            Topic<String, TerminalAlert> alerts = kafka.catalog(kafka.registry()).alerts();
            Map<String, Object> producerConfig = new LinkedHashMap<>(kafka.producer());
            producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            try (NotifierService notifier = NotifierService.start(config, environment, new CompletableFuture<>());
                 PlainReader plain = new PlainReader(context.cluster().bootstrapServers(), alerts);
                 KafkaProducer<String, TerminalAlert> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                         alerts.valueSerde().serializer())) {
                // the first alert waits for both consumers to join their groups: not a delay a running notifier has
                send(producer, alerts, edge("warm-up", 0, AlertStatus.RAISED));
                awaitAll(List.of("warm-up"), AlertStatus.RAISED, sink, plain);

                List<String> samples = new ArrayList<>();
                Map<String, Long> sentAt = new LinkedHashMap<>();
                for (int i = 0; i < size.notifierSamples; i++) {
                    String alertId = "latency-" + i;
                    samples.add(alertId);
                    sentAt.put(alertId, System.nanoTime());
                    send(producer, alerts, edge(alertId, i, AlertStatus.RAISED));
                    Thread.sleep(SPACING.toMillis());
                }
                awaitAll(samples, AlertStatus.RAISED, sink, plain);
                List<Double> notifierMs = new ArrayList<>();
                List<Double> plainMs = new ArrayList<>();
                sentAt.forEach((alertId, sent) -> {
                    notifierMs.add((sink.arrivals().at(alertId, "RAISED") - sent) / 1e6);
                    plainMs.add((plain.arrivals().at(alertId, "RAISED") - sent) / 1e6);
                });

                List<String> burst = new ArrayList<>();
                long burstFrom = System.nanoTime();
                for (int i = 0; i < size.notifierAlerts / 2; i++) {
                    String alertId = "burst-" + i;
                    burst.add(alertId);
                    send(producer, alerts, edge(alertId, i, AlertStatus.RAISED));
                    send(producer, alerts, edge(alertId, i, AlertStatus.RESOLVED));
                }
                producer.flush();
                awaitAll(burst, AlertStatus.RESOLVED, sink, plain);
                double notifierSeconds = (last(burst, sink.arrivals()) - burstFrom) / 1e9;
                double plainSeconds = (last(burst, plain.arrivals()) - burstFrom) / 1e9;
                int edges = 2 * burst.size();
                long lost = 1 + samples.size() + edges - sink.arrivals().distinct();

                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("latencySamples", samples.size());
                parameters.put("latencySpacing", SPACING.toString());
                parameters.put("burstEdges", edges);
                parameters.put("stores", STORES);
                parameters.put("partitions", 3);
                parameters.put("receiver", "webhook on loopback, signed, group: false, answers 204 at once");
                double p50 = Stats.percentile(notifierMs, 50);
                double p99 = Stats.percentile(notifierMs, 99);
                return new ScenarioResult(name(), "From an alert on terminal-alerts to a signed webhook's request, one notifier instance,"
                        + " beside a plain consumer of the same records", parameters, List.of(
                        Figure.beside("alert to receiver, p50", p50, "ms", "plain consumer, p50", Stats.percentile(plainMs, 50)),
                        Figure.beside("alert to receiver, p99", p99, "ms", "plain consumer, p99", Stats.percentile(plainMs, 99)),
                        Figure.info("alert to receiver, max", Stats.percentile(notifierMs, 100), "ms"),
                        Figure.beside("notifications per second", edges / notifierSeconds, "notifications/s", "plain consumer",
                                edges / plainSeconds),
                        Figure.info("burst, notifier time", notifierSeconds, "s"),
                        Figure.info("burst, plain consumer time", plainSeconds, "s"),
                        Figure.target("notifications lost", lost, "notifications", "= 0", lost == 0),
                        Figure.target("RESOLVED before its RAISED", sink.arrivals().outOfOrder(), "notifications", "= 0",
                                sink.arrivals().outOfOrder() == 0),
                        Figure.info("notifications delivered again", sink.arrivals().repeats(), "notifications")),
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void awaitAll(List<String> alertIds, AlertStatus status, WebhookSink sink, PlainReader plain) throws Exception {
        Waits.until(alertIds.size() + " " + status + " edges at the webhook and the plain consumer", WAIT, Duration.ofMillis(20),
                () -> alertIds.stream().allMatch(id -> sink.arrivals().at(id, status.name()) != null
                        && plain.arrivals().at(id, status.name()) != null));
    }

    private static long last(List<String> alertIds, Arrivals arrivals) {
        return alertIds.stream().mapToLong(id -> arrivals.at(id, AlertStatus.RESOLVED.name())).max().orElseThrow();
    }

    private static void send(KafkaProducer<String, TerminalAlert> producer, Topic<String, TerminalAlert> topic, TerminalAlert alert) {
        producer.send(new ProducerRecord<>(topic.name(), alert.getPoiid(), alert));
    }

    /** A printer fault on one of 1,000 terminals in {@link #STORES} stores, as the processor writes it. */
    private static TerminalAlert edge(String alertId, int i, AlertStatus status) {
        String poiid = "V400m-" + (346_400_000 + i % 1_000);
        Instant raisedAt = Instant.now();
        return TerminalAlert.newBuilder()
                .setAlertId(alertId)
                .setStatus(status)
                .setType(AlertType.PRINTER_FAULT)
                .setSeverity(Severity.WARNING)
                .setPoiid(poiid)
                .setMerchantAccount("BenchRetail_EU")
                .setStore("EU-" + (i % STORES))
                .setSummary((status == AlertStatus.RESOLVED ? "Resolved: " : "") + "Printer fault on " + poiid)
                .setEvidence(Map.of("printerStatus", "NO_PAPER"))
                .setRemediation("Load a paper roll with the paper sticking out of the printer.")
                .setRaisedAt(raisedAt)
                .setResolvedAt(status == AlertStatus.RESOLVED ? raisedAt : null)
                .setEventTime(raisedAt)
                .build();
    }
}
