package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.testsupport.SampleRecords;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Streams with exactly_once_v2 runs against the test broker, reading the catalogue's Avro topics. */
@ExtendWith(TestClusterExtension.class)
class StreamsExactlyOnceIT {

    @Test
    void countsResultsByOutcomeWithExactlyOnce(TestCluster cluster, @TempDir Path stateDir) {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        TopicCatalog catalog = TopicCatalog.create(TopicNames.from(Map.of("topics.prefix", cluster.uniqueName("eos") + ".")), registry);
        String counts = catalog.results().name() + "-counts";
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, List.of(catalog.results()), 2, (short) 1);
        }
        cluster.createTopics(1, counts);

        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, DiagnosisResult> results = catalog.results();
        builder.stream(results.name(), Consumed.with(results.keySerde(), results.valueSerde()))
                .groupBy((poiid, result) -> result.getOutcome().name(), Grouped.with(Serdes.String(), results.valueSerde()))
                .count()
                .toStream()
                .to(counts, Produced.with(Serdes.String(), Serdes.Long()));

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, cluster.uniqueName("eos-app"));
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);

        try (KafkaStreams streams = new KafkaStreams(builder.build(), config);
             KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(cluster.producerConfig(),
                     results.keySerde().serializer(), results.valueSerde().serializer());
             KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(cluster.consumerConfig(cluster.uniqueName("counts")),
                     new StringDeserializer(), new LongDeserializer())) {
            streams.start();
            DiagnosisResult success = SampleRecords.terminalResult();
            DiagnosisResult gaveUp = DiagnosisResult.newBuilder(success).setOutcome(DiagnosisOutcome.GAVE_UP).build();
            producer.send(new ProducerRecord<>(results.name(), "V400m-1", success));
            producer.send(new ProducerRecord<>(results.name(), "V400m-2", success));
            producer.send(new ProducerRecord<>(results.name(), "V400m-3", gaveUp));
            producer.flush();

            consumer.subscribe(List.of(counts));
            Map<String, Long> latest = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> latest.put(record.key(), record.value()));
                assertThat(latest).containsEntry("SUCCESS", 2L).containsEntry("GAVE_UP", 1L);
            });
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }
}
