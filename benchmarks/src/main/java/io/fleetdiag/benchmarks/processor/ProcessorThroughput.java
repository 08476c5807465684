package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.topics.SchemaRegistration;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Scenario 1: diagnosis results per second through the result processor's whole topology (state,
 * rules, alert episodes, store health; exactly_once_v2), against a pass-through topology on the same
 * Streams configuration, broker and input in the same run.
 *
 * <p>The input is real: each simulated terminal diagnosed once over HTTP, then replayed round after
 * round with new request ids and times; a tenth of the terminals alternate between a healthy answer
 * and one with a low battery, no paper, unconfirmed payments and a tamper, so alerts are raised and
 * resolved all along. Each topology starts on the full input; the clock runs from RUNNING until its
 * consumer group has committed every input record (and, for the processor, every repartitioned one).
 */
public final class ProcessorThroughput implements Scenario {

    private static final Duration ROUND = Duration.ofMinutes(1);

    @Override
    public String name() {
        return "processor";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        String prefix = BenchContext.prefix(name());
        ServiceConfig config = context.serviceConfig(ProcessorService.defaults(), prefix, Map.of(
                "processor.application-id", prefix + "processor",
                "processor.state-dir", context.workDir().resolve("processor-state").toString()));
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-bench");
        TopicCatalog catalog = kafka.catalog(kafka.registry());
        Topic<String, DiagnosisResult> passThrough = new Topic<>(prefix + "pass-through", DiagnosisResult.class,
                catalog.results().keySerde(), catalog.results().valueSerde(), Map.of());
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, kafka.registry(), catalog.all());
            TopicAdmin.ensureTopics(admin, List.of(passThrough), 3, (short) 1);
        }
        SchemaRegistration.registerValueSchemas(kafka.registry(), List.of(passThrough));

        long records = produceInput(size, kafka, catalog);

        ServiceConfig passConfig = ServiceConfig.of(with(config.asMap(), Map.of("processor.application-id", prefix + "pass-through")));
        Properties passProperties = ProcessorService.streamsProperties(passConfig, kafka, catalog);
        double passSeconds;
        try (KafkaStreams streams = new KafkaStreams(PassThroughTopology.buildTopology(catalog.results(), passThrough), passProperties)) {
            CompletableFuture<Long> running = runningAt(streams);
            streams.start();
            passSeconds = secondsUntilDone(kafka, prefix + "pass-through", catalog.results().name(), running);
        }

        double fullSeconds;
        try (ProcessorService processor = ProcessorService.start(config, Map.of(), new CompletableFuture<>())) {
            if (!processor.awaitRunning(Duration.ofMinutes(5))) {
                throw new IllegalStateException("The result processor did not reach RUNNING within 5 minutes");
            }
            CompletableFuture<Long> running = CompletableFuture.completedFuture(System.nanoTime());
            fullSeconds = secondsUntilDone(kafka, prefix + "processor", catalog.results().name(), running);
        }

        double full = records / fullSeconds;
        double pass = records / passSeconds;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("terminals", size.processorTerminals);
        parameters.put("resultsPerTerminal", size.processorRounds);
        parameters.put("results", records);
        parameters.put("partitions", 3);
        parameters.put("processingGuarantee", StreamsConfig.EXACTLY_ONCE_V2);
        parameters.put("commitInterval", config.get("processor.commit-interval"));
        parameters.put("streamThreads", config.get("processor.stream-threads"));
        return new ScenarioResult(name(), "Diagnosis results per second through the whole processor topology vs a pass-through topology",
                parameters, List.of(
                        Figure.against("full topology", full, "results/s", "pass-through", pass, "ratio >= 0.5", full / pass >= 0.5),
                        Figure.info("full topology time", fullSeconds, "s"),
                        Figure.info("pass-through time", passSeconds, "s")),
                (System.nanoTime() - started) / 1e9);
    }

    /** Samples real answers from the simulator and writes every round of results; returns how many. */
    private static long produceInput(BenchmarkSize size, KafkaSettings kafka, TopicCatalog catalog) throws Exception {
        List<DiagnosisResult> healthy;
        Map<String, DiagnosisResult> troubled;
        try (TerminalSimulator simulator = TerminalSimulator.start(SimulatorConfig.defaults(BenchContext.API_KEY)
                .withTerminals(size.processorTerminals).withReferenceTerminals(false)
                .withRates(LifeRates.staticFleet()).withLatency(new LatencyModel(0, 0)))) {
            TerminalApiClient adyen = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API,
                    ApiKey.of(BenchContext.API_KEY), true));
            List<Terminal> terminals = simulator.fleet().terminals();
            healthy = ResultSamples.diagnose(adyen, terminals);
            List<Terminal> changed = IntStream.range(0, terminals.size()).filter(i -> i % 10 == 0).mapToObj(terminals::get).toList();
            changed.forEach(terminal -> simulator.set(terminal.poiid(), ConditionChange.of(Map.of(
                    "battery", 5, "paper", "NoPaper", "unconfirmed", 3, "tamper", true))));
            troubled = ResultSamples.diagnose(adyen, changed).stream()
                    .collect(Collectors.toMap(DiagnosisResult::getPoiid, result -> result));
        }
        Instant start = Instant.now().minus(ROUND.multipliedBy(size.processorRounds + 1L));
        long spacing = ROUND.toMillis() / healthy.size();
        long count = 0;
        try (KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(kafka.producer(), new StringSerializer(),
                catalog.results().valueSerde().serializer())) {
            for (int round = 0; round < size.processorRounds; round++) {
                for (int i = 0; i < healthy.size(); i++) {
                    DiagnosisResult sample = round % 2 == 1 ? troubled.getOrDefault(healthy.get(i).getPoiid(), healthy.get(i)) : healthy.get(i);
                    Instant completed = start.plus(ROUND.multipliedBy(round)).plusMillis(i * spacing);
                    DiagnosisResult result = DiagnosisResult.newBuilder(sample)
                            .setRequestId("r" + round + "-" + sample.getPoiid())
                            .setRequestedAt(completed.minusMillis(sample.getLatencyMs() == null ? 0 : sample.getLatencyMs()))
                            .setCompletedAt(completed)
                            .build();
                    producer.send(new ProducerRecord<>(catalog.results().name(), null, completed.toEpochMilli(), result.getPoiid(), result));
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    private static CompletableFuture<Long> runningAt(KafkaStreams streams) {
        CompletableFuture<Long> running = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(System.nanoTime());
            } else if (now == KafkaStreams.State.ERROR) {
                running.completeExceptionally(new IllegalStateException("The Streams application failed; see the benchmark log"));
            }
        });
        return running;
    }

    /**
     * Seconds from RUNNING until the group has committed the end of every input partition, and of every
     * repartition topic partition but its closing transaction marker.
     */
    private static double secondsUntilDone(KafkaSettings kafka, String groupId, String input, CompletableFuture<Long> running)
            throws Exception {
        long from = running.get();
        long[] doneAt = {0};
        try (Admin admin = Admin.create(kafka.admin())) {
            Waits.until(groupId + " to commit its whole input", Duration.ofMinutes(15), Duration.ofMillis(100), () -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get();
                Set<TopicPartition> inputs = admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions().stream()
                        .map(partition -> new TopicPartition(input, partition.partition())).collect(Collectors.toSet());
                if (!committed.keySet().containsAll(inputs)) {
                    return false;
                }
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                boolean done = committed.entrySet().stream().allMatch(entry -> {
                    long end = ends.get(entry.getKey()).offset();
                    long at = entry.getValue() == null ? 0 : entry.getValue().offset();
                    return inputs.contains(entry.getKey()) ? at == end : at >= end - 1;
                });
                if (done) {
                    doneAt[0] = System.nanoTime();
                }
                return done;
            });
        }
        return (doneAt[0] - from) / 1e9;
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        merged.putAll(overrides);
        return merged;
    }
}
