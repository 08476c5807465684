package io.fleetdiag.benchmarks.lake;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.benchmarks.support.BenchCluster;
import io.fleetdiag.benchmarks.support.Stats;
import io.fleetdiag.lake.LakeQuery;
import io.fleetdiag.lake.LakeSettings;
import io.fleetdiag.lake.LakeTable;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.testsupport.SampleRecords;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Scenario 6: the analytics lake. The same records of the lake's busiest topics (diagnosis results and
 * alerts, written with the services' serdes) are read by the lake's Connect worker with the Iceberg
 * sink, from its tasks running until the tables' current snapshots hold every row, and by a plain
 * consumer deserialising them with the same serde, on the same broker in the same run. Then, on a
 * worker at the default commit interval, the delay from producing one alert to its row answering a
 * {@link LakeQuery}.
 */
public final class LakeIngest implements Scenario {

    /** Short, so the throughput clock is not stretched by waiting for the last commit (the delay uses the default). */
    private static final Duration THROUGHPUT_COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final int PARTITIONS = 3;

    @Override
    public String name() {
        return "lake";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        BenchCluster cluster = context.cluster();
        String prefix = BenchContext.prefix(name());
        TopicCatalog catalog = TopicCatalog.create(TopicNames.from(Map.of("topics.prefix", prefix)),
                new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl())));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, catalog.all(), PARTITIONS, (short) 1);
        }
        long perTopic = size.lakeRecords;
        Path dataDir = context.workDir().resolve("lake-" + prefix.substring(0, prefix.length() - 1));
        Path warehouse = dataDir.resolve("lake");
        Path log = context.workDir().resolve("logs").resolve("lake-worker.out");

        try (KafkaProducer<byte[], byte[]> producer = producer(cluster)) {
            for (int i = 0; i < perTopic; i++) {
                DiagnosisResult result = result(i);
                send(producer, catalog.results(), result.getPoiid(), result);
                TerminalAlert alert = alert(i / 2, i % 2 == 0 ? AlertStatus.RAISED : AlertStatus.RESOLVED);
                send(producer, catalog.alerts(), alert.getPoiid(), alert);
            }
            producer.flush();

            double consumerSeconds = consume(cluster, catalog, 2 * perTopic);

            double startSeconds;
            double sinkSeconds;
            try (LakeWorkerProcess worker = LakeWorkerProcess.start(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), prefix,
                    dataDir, THROUGHPUT_COMMIT_INTERVAL, log)) {
                long launched = System.nanoTime();
                worker.awaitRunning(LakeTable.all().size(), Duration.ofMinutes(3));
                long running = System.nanoTime();
                startSeconds = (running - launched) / 1e9;
                Waits.until("every row in the lake's tables", Duration.ofMinutes(20), Duration.ofMillis(100), () ->
                        LakeQuery.committedRows(warehouse, LakeTable.DIAGNOSIS_RESULTS)
                                + LakeQuery.committedRows(warehouse, LakeTable.TERMINAL_ALERTS) >= 2 * perTopic);
                sinkSeconds = (System.nanoTime() - running) / 1e9;
            }

            List<Double> delays = new ArrayList<>();
            Duration interval = LakeSettings.DEFAULT_COMMIT_INTERVAL;
            try (LakeWorkerProcess worker = LakeWorkerProcess.start(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), prefix,
                    dataDir, interval, log)) {
                worker.awaitRunning(LakeTable.all().size(), Duration.ofMinutes(3));
                // the first alert waits for the sink's consumers to join their groups: not a delay a running lake has
                secondsUntilQueryable(producer, catalog, warehouse, "delay-warm-up");
                for (int sample = 0; sample < size.lakeDelaySamples; sample++) {
                    // spaced across the commit cycle, so the samples see every phase of it, not always the moment after a commit
                    Thread.sleep(interval.toMillis() * sample / size.lakeDelaySamples);
                    delays.add(secondsUntilQueryable(producer, catalog, warehouse, "delay-" + sample));
                }
            }

            double sinkRate = 2 * perTopic / sinkSeconds;
            double consumerRate = 2 * perTopic / consumerSeconds;
            double median = Stats.percentile(delays, 50);
            double intervalSeconds = interval.toMillis() / 1000.0;
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("recordsPerTopic", perTopic);
            parameters.put("topics", List.of(catalog.results().name(), catalog.alerts().name()));
            parameters.put("partitions", PARTITIONS);
            parameters.put("tasksPerTable", 1);
            parameters.put("throughputCommitInterval", THROUGHPUT_COMMIT_INTERVAL.toString());
            parameters.put("delayCommitInterval", interval.toString());
            parameters.put("delaySamples", size.lakeDelaySamples);
            return new ScenarioResult(name(), "Rows per second into Iceberg through Kafka Connect and the Iceberg sink vs a plain "
                    + "consumer of the same records; delay from an alert to its row being queryable", parameters, List.of(
                    Figure.beside("rows into Iceberg", sinkRate, "rows/s", "plain consumer", consumerRate),
                    Figure.info("rows into Iceberg, time", sinkSeconds, "s"),
                    Figure.info("plain consumer, time", consumerSeconds, "s"),
                    Figure.info("worker start to sink tasks running", startSeconds, "s"),
                    Figure.against("alert to queryable row, median", median, "s", "commit interval (" + interval.toSeconds() + " s)",
                            intervalSeconds, "ratio <= 1", median <= intervalSeconds),
                    Figure.info("alert to queryable row, max", delays.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), "s")),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Seconds from sending one alert until a query over the lake's live files returns its row. */
    private static double secondsUntilQueryable(KafkaProducer<byte[], byte[]> producer, TopicCatalog catalog, Path warehouse,
                                                String alertId) throws Exception {
        long sent = System.nanoTime();
        TerminalAlert alert = TerminalAlert.newBuilder(alert(0, AlertStatus.RAISED)).setAlertId(alertId)
                .setEventTime(Instant.now()).build();
        send(producer, catalog.alerts(), alert.getPoiid(), alert);
        producer.flush();
        String sql = "SELECT count(*) FROM " + LakeTable.TERMINAL_ALERTS.name() + " WHERE alertId = '" + alertId + "'";
        Waits.until(alertId + " in the lake", Duration.ofMinutes(2), Duration.ofMillis(50),
                () -> ((Number) LakeQuery.run(warehouse, sql).rows().get(0).get(0)).longValue() == 1);
        return (System.nanoTime() - sent) / 1e9;
    }

    /** Seconds a plain consumer of both topics takes to read and deserialise {@code records} from the beginning. */
    private static double consume(BenchCluster cluster, TopicCatalog catalog, long records) {
        Map<String, Deserializer<?>> byTopic = Map.of(catalog.results().name(), catalog.results().valueSerde().deserializer(),
                catalog.alerts().name(), catalog.alerts().valueSerde().deserializer());
        Deserializer<Object> values = (topic, data) -> byTopic.get(topic).deserialize(topic, data);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-lake-consumer-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long from = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(catalog.results().name(), catalog.alerts().name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The plain consumer read " + read + " of " + records + " records in 10 minutes");
                }
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return (System.nanoTime() - from) / 1e9;
    }

    private static KafkaProducer<byte[], byte[]> producer(BenchCluster cluster) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <V> void send(KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    /** Results of 1,000 terminals, one a second, each its own request. */
    private static DiagnosisResult result(int i) {
        Instant completed = SampleRecords.AT.plusSeconds(i);
        return DiagnosisResult.newBuilder(SampleRecords.terminalResult()).setRequestId("request-" + i)
                .setPoiid("V400m-" + (346_400_000 + i % 1_000)).setCompletedAt(completed).setRequestedAt(completed.minusSeconds(2))
                .build();
    }

    private static TerminalAlert alert(int i, AlertStatus status) {
        Instant at = SampleRecords.AT.plusSeconds(2L * i);
        return TerminalAlert.newBuilder(SampleRecords.alert()).setAlertId("alert-" + i).setStatus(status)
                .setPoiid("V400m-" + (346_400_000 + i % 1_000)).setRaisedAt(at)
                .setEventTime(status == AlertStatus.RAISED ? at : at.plusSeconds(600))
                .setResolvedAt(status == AlertStatus.RAISED ? null : at.plusSeconds(600))
                .setEvidence(Map.of("n", Integer.toString(i))).build();
    }
}
