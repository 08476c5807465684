package io.fleetdiag.lake;

import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One test's lake: its own topic prefix and warehouse, records produced through the services' serdes. */
final class LakeFixture implements AutoCloseable {

    static final Path PLUGIN_PATH = Path.of(System.getProperty("fleetdiag.lake.plugin.path",
            "../lake-connect-plugin/target/plugin"));

    final TestCluster cluster;
    /** This test's topics.prefix, also of the lake's control and dead-letter topics. */
    final String prefix;
    final SchemaRegistryClient registry;
    final TopicCatalog catalog;
    final LakeSettings settings;
    private final KafkaProducer<byte[], byte[]> producer;

    LakeFixture(TestCluster cluster, Path warehouse) {
        this.cluster = cluster;
        this.prefix = cluster.uniqueName("lake") + ".";
        TopicNames names = TopicNames.from(Map.of("topics.prefix", prefix));
        this.registry = new SchemaRegistryClient(RegistryClientConfig.of(cluster.schemaRegistryUrl()));
        this.catalog = TopicCatalog.create(names, registry);
        this.settings = LakeSettings.of(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), warehouse, PLUGIN_PATH)
                .withTopics(names, prefix)
                .withCommitInterval(Duration.ofSeconds(1));
        try (Admin admin = cluster.admin()) {
            TopicAdmin.ensureTopics(admin, catalog.all(), 2, (short) 1);
        }
        this.producer = new KafkaProducer<>(cluster.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    LakeWorker startWorker() {
        return LakeWorker.start(settings.withRestPort(FreePorts.next()));
    }

    <V> void send(Topic<String, V> topic, String key, V value) {
        sendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    List<List<Object>> query(String sql) {
        return LakeQuery.run(settings.warehouse(), sql).rows();
    }

    long count(String sql) {
        List<List<Object>> rows = query(sql);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    /** Rows of the table committed so far; 0 while it has none. */
    long rows(LakeTable table) {
        return LakeQuery.liveFiles(settings.warehouse(), table).isEmpty() ? 0 : count("SELECT count(*) FROM " + table.name());
    }

    @Override
    public void close() {
        producer.close();
    }
}
