package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.testsupport.SampleRecords;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A record of every schema goes through the real broker with the catalogue's serdes against the real
 * registry, and comes back equal; and a consumer that knows nothing of fleetdiag, using plain Avro and
 * the schema the registry serves for the id in the record, reads the same bytes.
 */
@ExtendWith(TestClusterExtension.class)
class TopicCatalogRoundTripIT {

    private static TestCluster cluster;
    private TopicCatalog catalog;

    @BeforeAll
    static void cluster(TestCluster testCluster) {
        cluster = testCluster;
    }

    /** Each test gets topics of its own, created twice over to show creation is idempotent. */
    @BeforeEach
    void createTopics() {
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        catalog = TopicCatalog.create(TopicNames.from(Map.of("topics.prefix", cluster.uniqueName("rt") + ".")), registry);
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
            TopicAdmin.ensureTopics(admin, catalog.all(), 3, (short) 1);
        }
        SchemaRegistration.registerValueSchemas(registry, catalog.all());
    }

    @Test
    void everySchemaRoundTripsThroughTheBroker() {
        roundTrip(catalog.snapshots(), SampleRecords.snapshot().getScope(), SampleRecords.snapshot());
        roundTrip(catalog.checkRequests(), "V400m-346403161", SampleRecords.checkRequest());
        roundTrip(catalog.checkRetries(), "V400m-346403161", SampleRecords.checkRequest());
        roundTrip(catalog.results(), "V400m-346403161", SampleRecords.terminalResult(), SampleRecords.mobileResult());
        roundTrip(catalog.terminalState(), "V400m-346403161", SampleRecords.terminalState());
        roundTrip(catalog.storeHealth(), "ADYEN_MERCHANT_ACCOUNT/YOUR_STORE", SampleRecords.storeHealth());
        roundTrip(catalog.alerts(), "UX410-1234", SampleRecords.alert());
        roundTrip(catalog.deadLetters(), "V400m-1", SampleRecords.deadLetter());
        roundTrip(catalog.inventory(), "V400m-346403161", SampleRecords.inventory());
        roundTrip(catalog.alertOperations(), "silence-1", SampleRecords.silence());
        roundTrip(catalog.terminalEvents(), "V400m-346403161", SampleRecords.terminalEvent());
    }

    @Test
    void aPlainAvroConsumerReadsTheBytesWithTheRegistrySchema() throws Exception {
        Topic<String, io.fleetdiag.schemas.DiagnosisResult> topic = catalog.results();
        produce(topic, "V400m-346403161", List.of(SampleRecords.terminalResult()));

        byte[] value = consume(topic.name(), new ByteArrayDeserializer(), 1).get(0).value();
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        Schema writer = new Schema.Parser().parse(new ObjectMapper()
                .readTree(httpGet(cluster.schemaRegistryUrl() + "/schemas/ids/" + schemaId)).get("schema").asText());
        byte[] payload = Arrays.copyOfRange(value, 5, value.length);
        GenericRecord read = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(payload, null));

        assertThat(value[0]).isZero();
        assertThat(payload).isEqualTo(plainAvro(SampleRecords.terminalResult()));
        GenericRecord additional = (GenericRecord) read.get("additionalResponse");
        assertThat(additional.get("batteryLevel")).isEqualTo(100);
        assertThat(additional.get("firmwareVersion").toString()).isEqualTo("adyen_v1_49p5");
        GenericRecord network = (GenericRecord) ((List<?>) additional.get("networkProfile")).get(0);
        assertThat(network.get("address").toString()).isEqualTo("192.168.2.2");
        assertThat(read.get("outcome").toString()).isEqualTo("SUCCESS");
    }

    @Test
    void stateTopicsAreCompactedAndEventTopicsAreNot() throws Exception {
        try (Admin admin = cluster.admin()) {
            ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, catalog.terminalState().name());
            ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, catalog.alerts().name());
            ConfigResource operations = new ConfigResource(ConfigResource.Type.TOPIC, catalog.alertOperations().name());
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(state, alerts, operations)).all().get();

            assertThat(configs.get(state).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(operations).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(alerts).get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @SafeVarargs
    private static <V extends SpecificRecord> void roundTrip(Topic<String, V> topic, String key, V... values) {
        produce(topic, key, List.of(values));

        List<ConsumerRecord<String, V>> read = consume(topic.name(), topic.valueSerde().deserializer(), values.length);

        assertThat(read).extracting(ConsumerRecord::key).containsOnly(key);
        assertThat(read).extracting(ConsumerRecord::value).containsExactly(values);
    }

    private static <V> void produce(Topic<String, V> topic, String key, List<V> values) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(cluster.producerConfig(),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (V value : values) {
                producer.send(new ProducerRecord<>(topic.name(), key, value));
            }
            producer.flush();
        }
    }

    private static <V> List<ConsumerRecord<String, V>> consume(String topic, Deserializer<V> values, int atLeast) {
        List<ConsumerRecord<String, V>> read = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                cluster.consumerConfig(cluster.uniqueName("reader")), new StringDeserializer(), values)) {
            // assign, not subscribe: no group rebalance to wait for
            consumer.assign(consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        assertThat(read).as("records read from %s", topic).hasSizeGreaterThanOrEqualTo(atLeast);
        return read;
    }

    private static byte[] plainAvro(SpecificRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static String httpGet(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
